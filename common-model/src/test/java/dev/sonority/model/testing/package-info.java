/**
 * Test-only support shared by the services' tests (published as common-model's test-jar, test scope only): the
 * in-process Qdrant, the state-writes and startup-failure checks. What benches need too (own database and queue
 * prefix, service processes, JobSubmitter) is the test-support module's.
 */
package dev.sonority.model.testing;
