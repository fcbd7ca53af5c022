package dev.sonority.api.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * What the tests' stand-ins for outside services (inference-service, a language-model server) share: the JDK's
 * HTTP server on a free loopback port, each request on its own thread (a deliberately slow answer blocks no
 * other), and JSON answers.
 */
public final class LocalHttpServer {

    private LocalHttpServer() {
    }

    /** A server on 127.0.0.1 and a free port, not started yet (add contexts, then {@code start()}). */
    public static HttpServer create() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a local HTTP server on 127.0.0.1", e);
        }
    }

    public static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code status} with a JSON body; a client that gave up meanwhile (a timeout test) is ignored. */
    public static void respond(HttpExchange exchange, int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // nobody reads this answer any more
        }
        exchange.close();
    }

    /** Waits, as a slow service does; an interrupt ends the wait and stays set. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
