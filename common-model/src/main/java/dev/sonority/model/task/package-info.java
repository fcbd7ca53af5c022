/** Tasks: what a user asked for (scan, vacuum, analyze, ...) and its progress. */
package dev.sonority.model.task;
