/** Tests of waiting for PostgreSQL at startup. */
package dev.sonority.api.startup;
