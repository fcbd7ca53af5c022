/** Messages exchanged over RabbitMQ and the names of the exchanges and queues that carry them. */
package dev.sonority.model.job;
