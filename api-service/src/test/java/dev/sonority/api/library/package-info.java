/** Export and import of a library against the real API and database. */
package dev.sonority.api.library;
