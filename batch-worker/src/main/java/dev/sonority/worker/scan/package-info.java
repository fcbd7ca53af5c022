/** The library scan: walking MUSIC_DIR, classifying files, reading tags, writing song rows. */
package dev.sonority.worker.scan;
