package dev.sonority.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain {@link HttpClient} against the server under test. Paths are sent exactly as written (raw, already
 * encoded), unlike Spring's clients, which would re-encode {@code %2F}.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Http(int port) {
        this.port = port;
    }

    /** Status, content type, body and headers of a response; {@link #json()} parses the body. */
    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public Response(int status, String contentType, String body) {
            this(status, contentType, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String rawPath) {
        return send(HttpRequest.newBuilder(uri(rawPath)).GET());
    }

    /** A POST without body and without Content-Type (as Sola MPD sends it). */
    public Response post(String rawPath) {
        return send(HttpRequest.newBuilder(uri(rawPath)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String rawPath, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(rawPath)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String rawPath, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(rawPath)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String rawPath) {
        return send(HttpRequest.newBuilder(uri(rawPath)).DELETE());
    }

    /**
     * Writes a request by hand on a socket: exactly the given request line and a Host header, nothing else
     * (no Content-Length, no Content-Type, no User-Agent). Returns the status code and the raw response.
     */
    public Response bare(String method, String rawPath) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] raw = in.readAllBytes();
            int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String head = new String(raw, 0, split, StandardCharsets.US_ASCII);
            int status = Integer.parseInt(head.substring(9, 12));
            byte[] body = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Response(status, head, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Chunk sizes count bytes, so the body is unchunked as bytes (a UTF-8 body has more bytes than chars). */
    private static byte[] unchunk(byte[] chunked) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int pos = 0;
        while (true) {
            int eol = indexOf(chunked, crlf, pos);
            int size = Integer.parseInt(new String(chunked, pos, eol - pos, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, eol + 2, size);
            pos = eol + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new IllegalStateException("malformed HTTP response: no " + pattern.length + "-byte separator");
    }

    private URI uri(String rawPath) {
        return URI.create("http://127.0.0.1:" + port + rawPath);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
