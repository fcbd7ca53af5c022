/** Test support of the worker's integration tests. */
package dev.sonority.worker.testing;
