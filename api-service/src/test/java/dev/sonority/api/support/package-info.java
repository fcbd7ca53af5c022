/** Test support: the shared integration-test base (real PostgreSQL and RabbitMQ), an HTTP client, cleanup. */
package dev.sonority.api.support;
