package dev.sonority.api.mpd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MPD answered {@code ACK [code@index] {command} message}: the command (the {@code index}-th of a command list,
 * counted from 0) failed, and a command list stopped there. Codes are MPD's {@code enum ack} (protocol/Ack.hxx).
 */
public class MpdAckException extends MpdException {

    /** Wrong password. */
    public static final int PASSWORD = 3;
    /** The connection lacks the permission for the command (a password is needed). */
    public static final int PERMISSION = 4;
    /** No such song, playlist or file. */
    public static final int NO_EXIST = 50;

    private static final Pattern ACK = Pattern.compile("ACK \\[(\\d{1,9})@(\\d{1,9})] \\{([^}]*)} ?(.*)");

    private final int code;
    private final int index;
    private final String command;
    private final String reason;

    MpdAckException(int code, int index, String command, String reason) {
        super("MPD refused " + (command.isEmpty() ? "the command" : "'" + command + "'") + ": " + reason
                + " (error " + code + ")", null);
        this.code = code;
        this.index = index;
        this.command = command;
        this.reason = reason;
    }

    /** Parses an {@code ACK} line; a line that does not have its form is kept whole as the reason. */
    static MpdAckException parse(String line) {
        Matcher m = ACK.matcher(line);
        if (!m.matches()) {
            return new MpdAckException(0, 0, "", line);
        }
        return new MpdAckException(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3),
                m.group(4));
    }

    public int code() {
        return code;
    }

    /** Position of the failed command in its command list (0 outside a list). */
    public int index() {
        return index;
    }

    public String command() {
        return command;
    }

    public String reason() {
        return reason;
    }

    /** MPD refused the password, or wants one for this command. */
    public boolean isAuthentication() {
        return code == PASSWORD || code == PERMISSION;
    }
}
