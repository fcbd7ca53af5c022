/**
 * Running Sonority for real in tests and benches: {@link dev.sonority.testing.TestDatabase} and
 * {@link dev.sonority.testing.TestBroker} isolate a run on the machine's PostgreSQL and RabbitMQ,
 * {@link dev.sonority.testing.ServiceProcess} runs a packaged service, {@link dev.sonority.testing.JobSubmitter}
 * submits tasks as the API does.
 */
package dev.sonority.testing;
