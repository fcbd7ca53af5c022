/** The end-to-end scan benchmark (new and unchanged files per second, worker heap). */
package dev.sonority.bench.scan;
