package dev.sonority.launcher.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The launcher's subcommands ({@code bench} is dispatched by the shell script straight to the bench jar). */
public enum Command {
    UP, STATUS, STOP, MODELS, KEYS, EXPORT, IMPORT, HELP;

    static Optional<Command> named(String name) {
        return Arrays.stream(values()).filter(c -> c.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }
}
