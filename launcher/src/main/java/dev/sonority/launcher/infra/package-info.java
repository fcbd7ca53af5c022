/** In-process PostgreSQL and AMQP broker for the one-command mode, and the ports they listen on. */
package dev.sonority.launcher.infra;
