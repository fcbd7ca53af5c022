/** Lainbow's {@code GET /health}: whether PostgreSQL and RabbitMQ answer, for people and scripts. */
package dev.sonority.api.health;
