/** A small HTTP client for the few api-service endpoints the launcher needs (tasks, stats, songs). */
package dev.sonority.launcher.client;
