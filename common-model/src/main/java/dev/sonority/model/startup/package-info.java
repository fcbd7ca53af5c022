/**
 * Startup failures a user can cause in any service (PostgreSQL or RabbitMQ unreachable, refused credentials),
 * explained by Spring Boot failure analyzers with a Description and an Action instead of a stack trace.
 */
package dev.sonority.model.startup;
