package dev.sonority.api.library;

import dev.sonority.api.index.IndexRefresher;
import dev.sonority.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/library/export} and {@code POST /api/v1/library/import} (admin endpoints; docs/export.md).
 * The upload is spooled to a temporary file first: its checksums are checked before anything is written, and a
 * library of any size passes through disk, not memory.
 */
@RestController
public class LibraryController {

    private final LibraryExporter exporter;
    private final LibraryImporter importer;
    private final ObjectProvider<IndexRefresher> embeddedIndexes;

    LibraryController(LibraryExporter exporter, LibraryImporter importer, ObjectProvider<IndexRefresher> embeddedIndexes) {
        this.exporter = exporter;
        this.importer = importer;
        this.embeddedIndexes = embeddedIndexes;
    }

    /**
     * The whole library as one zip, written while it is read (a consistent snapshot of one transaction). Written on
     * the request's own thread rather than as an async StreamingResponseBody, whose request timeout a large
     * library would outlast.
     */
    @GetMapping("/api/v1/library/export")
    public void export(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"sonority-library-" + LocalDate.now() + ".zip\"");
        exporter.export(response.getOutputStream());
    }

    /**
     * Imports an export sent as the raw request body ({@code application/zip}). 200 with what was imported and
     * skipped; 422 with the reason, and nothing written, for a file that is not ours, truncated, tampered with or
     * of a newer format version.
     */
    @PostMapping("/api/v1/library/import")
    public ImportReport importLibrary(HttpServletRequest request) {
        Path file = spool(request);
        try {
            Map<String, String> sections = ExportFileCheck.verify(file);
            ImportReport report = importer.importFile(file, sections);
            // the embedded index reads the new vectors now; Qdrant gets them from the outbox rows the inserts queued
            embeddedIndexes.ifAvailable(refresher -> report.models().forEach(refresher::refreshSoon));
            return report;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is harmless; the import's outcome stands
            }
        }
    }

    /**
     * The import is exempt from the 1 MB body cap of JSON requests (it goes to disk, not memory); this cap keeps one
     * upload from filling the disk: far above a 100,000-song library with every model (a few GB).
     */
    static final long MAX_IMPORT_BYTES = 64L * 1024 * 1024 * 1024;

    private static void copyCapped(InputStream body, OutputStream out, Path file) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
            total += n;
            if (total > MAX_IMPORT_BYTES) {
                out.close();
                Files.deleteIfExists(file);
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The import file is larger than the limit of "
                        + MAX_IMPORT_BYTES + " bytes; nothing was written");
            }
            out.write(buffer, 0, n);
        }
    }

    private static Path spool(HttpServletRequest request) {
        try {
            Path file = Files.createTempFile("sonority-import-", ".zip");
            try (InputStream body = request.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                copyCapped(body, out, file);
            }
            if (Files.size(file) == 0) {
                Files.delete(file);
                throw new ApiException(HttpStatus.BAD_REQUEST, "The import needs the export file as the request body"
                        + " (Content-Type: application/zip), e.g. curl --data-binary @library.zip");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("receiving the import file failed", e);
        }
    }
}
