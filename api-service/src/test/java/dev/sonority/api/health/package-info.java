/** Tests of /health, the actuator probes, metrics and OpenAPI. */
package dev.sonority.api.health;
