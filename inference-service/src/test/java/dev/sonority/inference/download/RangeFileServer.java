package dev.sonority.inference.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP file server for the download tests (JDK httpserver): serves byte arrays, honours
 * {@code Range: bytes=N-} with 206, and can stop its first responses after a number of bytes and send nothing
 * more, as a stalled or half-dropped connection does.
 */
final class RangeFileServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** Per path: how many of the next responses break off, and after how many body bytes. */
    private final Map<String, int[]> breaks = new ConcurrentHashMap<>();
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    RangeFileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void put(String path, byte[] content) {
        files.put(path, content);
    }

    /** The next {@code times} responses for {@code path} send only {@code bytes} body bytes and close. */
    void breakAfter(String path, int bytes, int times) {
        breaks.put(path, new int[] {bytes, times});
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The Range header of every request, "" where there was none. */
    List<String> ranges() {
        return ranges;
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        byte[] content = files.get(path);
        if (content == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int start = 0;
        if (range != null) {
            Matcher m = RANGE.matcher(range);
            if (!m.matches()) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            start = Integer.parseInt(m.group(1));
            if (start >= content.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        }
        int length = content.length - start;
        exchange.sendResponseHeaders(range == null ? 200 : 206, length);
        int[] cut = breaks.get(path);
        try (OutputStream out = exchange.getResponseBody()) {
            if (cut != null && cut[1] > 0) {
                cut[1]--;
                out.write(content, start, Math.min(cut[0], length));
                out.flush();
                // closing short of Content-Length: the server drops the connection mid-body
                throw new IOException("simulated drop");
            }
            out.write(content, start, length);
        } catch (IOException e) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
