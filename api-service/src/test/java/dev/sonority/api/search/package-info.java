/** Contract tests of similar and text search, as Sola MPD calls them, against the real database and broker. */
package dev.sonority.api.search;
