/** Running top-level tasks: the job contract, the runner that claims and finishes tasks, the listener. */
package dev.sonority.worker.jobs;
