/** The batch worker: RabbitMQ consumers for scan, vacuum and analyze jobs. */
package dev.sonority.worker;
