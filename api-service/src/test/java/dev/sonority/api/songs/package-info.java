/** Tests of song path checking and the songs endpoints. */
package dev.sonority.api.songs;
