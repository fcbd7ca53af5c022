package dev.sonority.launcher.infra;

import dev.sonority.launcher.LauncherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finding a free TCP port, and failing clearly when a fixed one is taken. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that nothing listens on right now (the OS picks it; a tiny race with other programs remains). */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }

    /**
     * Throws unless {@code port} can be bound on {@code address}, the one the service will bind: a program
     * holding the port on another interface only is no obstacle, one holding it on every interface is.
     *
     * @param what the port's role and the way to change it, e.g. "the API port (--port / API_PORT)"
     */
    public static void requireFree(InetAddress address, int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new LauncherException("Port " + port + " on " + address.getHostAddress() + ", " + what + ", is already in use.",
                    "Stop the program that listens on it (ss -ltnp 'sport = :" + port + "' shows it), or choose another port.");
        }
    }
}
