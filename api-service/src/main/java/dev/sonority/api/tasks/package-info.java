/**
 * Tasks: Lainbow's {@code /api/v1/batch/...} (submit scan, vacuum, analyze; read a task) and Sonority's
 * {@code /api/v1/tasks} (list, cancel). A task row is committed first, then its {@code JobRequest} is
 * published with a publisher confirm.
 */
package dev.sonority.api.tasks;
