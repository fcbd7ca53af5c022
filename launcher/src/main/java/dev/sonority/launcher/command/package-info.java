/** The subcommands {@code up}, {@code status} and {@code stop}. */
package dev.sonority.launcher.command;
