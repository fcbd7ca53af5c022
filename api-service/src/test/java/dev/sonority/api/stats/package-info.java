/** Tests of the statistics endpoint and its cache. */
package dev.sonority.api.stats;
