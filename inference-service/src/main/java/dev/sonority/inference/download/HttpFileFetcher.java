package dev.sonority.inference.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Fetches one URL into a {@code .part} file, resuming from the bytes already there with a Range request.
 * A transfer that breaks off is resumed up to {@code attempts} times; a server that ignores Range (200
 * instead of 206) makes it start over. Verifying the content is the caller's job.
 */
final class HttpFileFetcher {

    private static final int BUFFER = 1 << 16;

    private final HttpClient http;
    private final Duration readTimeout;
    private final int attempts;

    HttpFileFetcher(HttpClient http, Duration readTimeout, int attempts) {
        this.http = http;
        this.readTimeout = readTimeout;
        this.attempts = attempts;
    }

    /**
     * @param expectedSize the declared size, or null where unknown
     * @param onBytes told the number of bytes in {@code part} after every chunk
     */
    void fetch(URI url, Path part, Long expectedSize, LongConsumer onBytes) {
        DownloadException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                if (fetchOnce(url, part, expectedSize, onBytes)) {
                    return;
                }
            } catch (TransferBrokenException e) {
                last = new DownloadException("The transfer of " + url + " broke off " + attempts
                        + " times (last: " + e.getMessage() + "); " + size(part)
                        + " bytes are kept in " + part + ", run the download again to resume.", e.getCause());
                pause(attempt);
            }
        }
        throw last != null ? last : new DownloadException("Could not fetch " + url + " after " + attempts + " attempts.");
    }

    /** A growing pause before the next attempt, so a briefly unreachable server gets a moment. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(Duration.ofMillis(250L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("Interrupted while waiting to resume a download.", e);
        }
    }

    /** @return true when {@code part} holds the whole file; false to try again */
    private boolean fetchOnce(URI url, Path part, Long expectedSize, LongConsumer onBytes) {
        long have = size(part);
        if (expectedSize != null && have > expectedSize) {
            delete(part); // longer than the file can be: another version; start over
            have = 0;
        }
        if (expectedSize != null && have == expectedSize) {
            onBytes.accept(have);
            return true;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(readTimeout).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TransferBrokenException("cannot connect: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("Interrupted while fetching " + url + ".", e);
        }
        int status = response.statusCode();
        InputStream body = response.body();
        try {
            switch (status) {
                case 206 -> {
                    long start = rangeStart(response.headers().firstValue("Content-Range").orElse(""));
                    if (start != have) {
                        // the server resumed somewhere else: our bytes cannot be trusted to line up
                        delete(part);
                        return false;
                    }
                    copy(body, part, true, have, onBytes);
                }
                case 200 -> copy(body, part, false, 0, onBytes); // Range ignored: the whole file again
                case 416 -> {
                    if (expectedSize == null && have > 0) {
                        return true; // nothing after our bytes: the part is complete; the sha256 decides
                    }
                    delete(part);
                    return false;
                }
                case 404, 410 -> throw new DownloadException(url + " answered " + status
                        + " (not found): the manifest's URL is wrong or the file was removed upstream.");
                default -> throw new DownloadException(url + " answered HTTP " + status + ".");
            }
        } catch (IOException e) {
            throw new TransferBrokenException(e.getMessage(), e);
        } finally {
            closeQuietly(body);
        }
        long now = size(part);
        if (expectedSize != null && now < expectedSize) {
            throw new TransferBrokenException("the connection closed after " + now + " of " + expectedSize + " bytes",
                    null);
        }
        return true;
    }

    /**
     * Appends the body to {@code part}. A body that stops flowing for {@code readTimeout} counts as a broken
     * transfer: HttpClient's own timeout covers only the response headers, so a watchdog interrupts the read.
     */
    private void copy(InputStream body, Path part, boolean append, long have, LongConsumer onBytes)
            throws IOException {
        Files.createDirectories(part.getParent());
        OutputStream out;
        try {
            out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new DownloadException("Cannot write " + part + ": " + e.getMessage(), e);
        }
        StallWatchdog watchdog = new StallWatchdog(Thread.currentThread(), readTimeout);
        try (out; watchdog) {
            byte[] buffer = new byte[BUFFER];
            long written = have;
            for (int n; (n = read(body, buffer, watchdog)) > 0; ) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    // a full disk or a read-only volume: retrying cannot help
                    throw new DownloadException("Cannot write " + part + " (disk full or not writable?): "
                            + e.getMessage(), e);
                }
                written += n;
                onBytes.accept(written);
            }
        }
    }

    private static int read(InputStream body, byte[] buffer, StallWatchdog watchdog) throws IOException {
        try {
            int n = body.read(buffer);
            watchdog.progressed();
            return n;
        } catch (IOException e) {
            if (watchdog.fired()) {
                Thread.interrupted(); // our own interrupt, not a shutdown
                throw new IOException("no data for " + watchdog.timeout().toSeconds() + " s", e);
            }
            throw e;
        }
    }

    /** The first byte of a {@code Content-Range: bytes 100-199/200} header, or -1 if it cannot be read. */
    static long rangeStart(String contentRange) {
        String value = contentRange.trim();
        if (!value.startsWith("bytes ")) {
            return -1;
        }
        int dash = value.indexOf('-');
        try {
            return dash < 0 ? -1 : Long.parseLong(value.substring(6, dash).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close(); // cancels the rest of an abandoned response
        } catch (IOException e) {
            // nothing more to read from it anyway
        }
    }

    static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new DownloadException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /** A broken connection: worth another attempt from where it stopped. */
    private static final class TransferBrokenException extends RuntimeException {
        TransferBrokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
