/** {@code ./sonority}: the one-command mode that runs the whole engine on one machine. */
package dev.sonority.launcher;
