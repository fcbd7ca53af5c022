/**
 * What the API exports to Prometheus beyond Spring Boot's own metrics: task and dead-letter state read from
 * PostgreSQL, and whether each model's vector index is ready. The alert rules and the dashboard in
 * {@code docker/monitoring/} are written against these names.
 */
package dev.sonority.api.monitoring;
