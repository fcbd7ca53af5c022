package dev.sonority.api.mpd;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection to MPD speaking its text protocol (https://mpd.readthedocs.io/en/latest/protocol.html): the
 * {@code OK MPD <version>} greeting, commands answered by data lines and {@code OK} or an {@code ACK} line, and
 * command lists. Connecting and every read have a deadline, so an MPD that hangs costs a request at most that long.
 * Not thread-safe: one request uses one connection and closes it.
 */
public final class MpdConnection implements AutoCloseable {

    /** Longest response line accepted; MPD's own lines are far shorter. */
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String where;
    private final String version;

    private MpdConnection(Socket socket, String where) throws IOException {
        this.socket = socket;
        this.where = where;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        String greeting = readLine();
        if (!greeting.startsWith("OK MPD ")) {
            throw new MpdUnreachableException("The server at " + where + " is not MPD (it greeted '"
                    + abbreviate(greeting) + "')", null);
        }
        this.version = greeting.substring("OK MPD ".length()).strip();
    }

    /**
     * Connects and reads the greeting.
     *
     * @throws MpdUnreachableException when the connection is refused, times out, or the peer is not MPD
     */
    public static MpdConnection open(String host, int port, Duration connectTimeout, Duration timeout) {
        String where = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            return new MpdConnection(socket, where);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            if (e instanceof MpdUnreachableException unreachable) {
                throw unreachable;
            }
            throw unreachable(where, e);
        }
    }

    /** The protocol version MPD announced. */
    public String version() {
        return version;
    }

    /**
     * Runs one command.
     *
     * @return the data lines of its answer (without the final {@code OK})
     * @throws MpdAckException when MPD refuses it
     */
    public List<String> run(MpdCommand command) {
        send(command.line());
        return answer();
    }

    /**
     * Runs commands as one command list ({@code command_list_begin ... command_list_end}): MPD executes them one
     * after the other without serving any other client in between, and stops at the first that fails.
     *
     * @throws MpdAckException naming the failed command's position in {@code commands}
     */
    public void runList(List<MpdCommand> commands) {
        StringBuilder list = new StringBuilder("command_list_begin\n");
        commands.forEach(c -> list.append(c.line()));
        send(list.append("command_list_end\n").toString());
        answer();
    }

    private void send(String lines) {
        try {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw unreachable(where, e);
        }
    }

    private List<String> answer() {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line;
            try {
                line = readLine();
            } catch (IOException e) {
                throw unreachable(where, e);
            }
            if (line.equals("OK")) {
                return lines;
            }
            if (line.startsWith("ACK ")) {
                throw MpdAckException.parse(line);
            }
            lines.add(line);
        }
    }

    /** A line of UTF-8 up to {@code \n}; the end of the stream before it is an error (MPD hung up). */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("MPD closed the connection");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("MPD sent a line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    /** Says goodbye ({@code close}) and closes the socket; never fails. */
    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                out.write("close\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the socket is closed below either way
        }
        closeQuietly(socket);
    }

    private static MpdUnreachableException unreachable(String where, Exception e) {
        String why = e instanceof SocketTimeoutException ? "no answer in time"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new MpdUnreachableException("MPD at " + where + " is unreachable: " + why, e);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
