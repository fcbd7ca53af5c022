/** Tests of the batch (Lainbow) and task (Sonority) endpoints, against the real database and broker. */
package dev.sonority.api.tasks;
