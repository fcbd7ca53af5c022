/** The library vacuum: removing songs whose files are gone, invalidating changed ones. */
package dev.sonority.worker.vacuum;
