package dev.sonority.api.mpd;

import java.util.List;

/**
 * One command of MPD's protocol and its arguments. Every argument is sent in double quotes with {@code \} and
 * {@code "} escaped by a backslash, as MPD's tokenizer reads them (a file name with spaces, quotes or backslashes
 * arrives intact). A line break cannot be sent at all: the protocol ends a command at it.
 */
public record MpdCommand(String name, List<String> arguments) {

    public MpdCommand {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not an MPD command name: " + name);
        }
        arguments = List.copyOf(arguments);
        for (String argument : arguments) {
            if (argument.indexOf('\n') >= 0 || argument.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("MPD's protocol cannot carry a line break in an argument");
            }
        }
    }

    public static MpdCommand of(String name, String... arguments) {
        return new MpdCommand(name, List.of(arguments));
    }

    /** The command as one protocol line, with its terminating {@code \n}. */
    public String line() {
        StringBuilder line = new StringBuilder(name);
        for (String argument : arguments) {
            line.append(" \"");
            for (int i = 0; i < argument.length(); i++) {
                char c = argument.charAt(i);
                if (c == '"' || c == '\\') {
                    line.append('\\');
                }
                line.append(c);
            }
            line.append('"');
        }
        return line.append('\n').toString();
    }
}
