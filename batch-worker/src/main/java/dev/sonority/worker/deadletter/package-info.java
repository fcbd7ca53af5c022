/** Recording messages that failed for good, so users see them through the API. */
package dev.sonority.worker.deadletter;
