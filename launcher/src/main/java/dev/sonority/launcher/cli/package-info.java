/** The launcher's command line: subcommands, options and their errors. */
package dev.sonority.launcher.cli;
