package dev.sonority.launcher.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a library export from {@code GET /api/v1/library/export} into a file, and a file into
 * {@code POST /api/v1/library/import}, reporting the bytes moved so far. Neither holds the file in memory. Both
 * endpoints are for admins: with access control on ({@code AUTH_MODE=keys}) the admin key is sent as a bearer key.
 */
public final class LibraryTransfer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** @param key an admin key, or null/blank when the API runs without access control */
    public LibraryTransfer(URI base, String key) {
        this.base = base;
        this.key = key == null || key.isBlank() ? null : key.strip();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    private static String refused(int status, String detail) {
        return status == 401 || status == 403 ? detail + " (export and import need an admin key: set SONORITY_ADMIN_KEY)"
                : detail;
    }

    /**
     * Writes the export to {@code target} atomically: into a temporary file beside it, moved over {@code target}
     * only once the whole body arrived, so an interrupted export never leaves a partial file under its name.
     */
    public void export(Path target, LongConsumer bytes) throws InterruptedException {
        Path directory = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
            HttpRequest request = request("/api/v1/library/export").GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = new Counting(response.body(), bytes)) {
                if (response.statusCode() != 200) {
                    throw new ApiException(refused(response.statusCode(), "GET /api/v1/library/export answered "
                            + response.statusCode() + ": " + new String(body.readAllBytes(), StandardCharsets.UTF_8)),
                            response.statusCode(), null);
                }
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            requireComplete(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            partial = null;
        } catch (IOException e) {
            throw new ApiException("the export to " + target + " failed: " + e.getMessage(), 0, e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // the .part file stays behind, visibly not the export
                }
            }
        }
    }

    /**
     * A server that fails part way may still end its response normally; a file whose zip directory or manifest is
     * missing is then not moved into place.
     */
    private static void requireComplete(Path partial) throws IOException {
        try (ZipFile zip = new ZipFile(partial.toFile())) {
            if (zip.getEntry("manifest.json") == null) {
                throw new IOException("the API's answer has no manifest.json: it stopped part way");
            }
        } catch (ZipException e) {
            throw new IOException("the API's answer is not a complete zip: it stopped part way", e);
        }
    }

    /** Sends {@code file} and returns the API's import report. */
    public JsonNode importFile(Path file, LongConsumer bytes) throws InterruptedException {
        HttpRequest request = request("/api/v1/library/import")
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new Counting(Files.newInputStream(file), bytes);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                JsonNode problem = parse(response.body());
                String detail = problem.path("detail").isString() ? problem.get("detail").asString() : response.body();
                throw new ApiException(refused(response.statusCode(), detail), response.statusCode(), null);
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new ApiException("POST /api/v1/library/import failed: " + e.getMessage(), 0, e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    /** Reports the bytes read so far after every read. */
    private static final class Counting extends FilterInputStream {

        private final LongConsumer bytes;
        private long count;

        Counting(InputStream in, LongConsumer bytes) {
            super(in);
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                bytes.accept(count);
            }
            return n;
        }
    }
}
