/** Wiring of the worker: settings, RabbitMQ topology and failure policy, the worker's identity. */
package dev.sonority.worker.config;
