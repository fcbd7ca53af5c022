package dev.sonority.launcher.cli;

import dev.sonority.launcher.LauncherException;

/** A command line the launcher cannot run: unknown subcommand or option, missing or malformed value. */
public final class UsageException extends LauncherException {

    public UsageException(String description) {
        super(description, "Run ./sonority help for the commands and options.");
    }

    public UsageException(String description, String action) {
        super(description, action);
    }
}
