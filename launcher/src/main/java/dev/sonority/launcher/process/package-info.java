/** The three services as supervised child processes: start order, health, logs, graceful stop. */
package dev.sonority.launcher.process;
