/** Tests of the moods endpoint. */
package dev.sonority.api.discovery.moods;
