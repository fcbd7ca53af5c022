/**
 * Startup: the API applies the Flyway migrations and, when PostgreSQL is not reachable yet, waits for it
 * (logging why and when it retries) instead of exiting.
 */
package dev.sonority.api.startup;
