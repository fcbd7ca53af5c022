/** Task rows from the worker's side: claiming, progress, heartbeats, recovery of orphans, publishing. */
package dev.sonority.worker.tasks;
