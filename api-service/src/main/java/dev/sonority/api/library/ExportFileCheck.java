package dev.sonority.api.library;

import dev.sonority.api.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an uploaded export before the import writes anything: a zip (a truncated one has no central directory),
 * with our manifest, of a format version this build reads, every section present with the sha256 the manifest
 * gives (which also catches a tampered or damaged entry: the zip's own CRC is checked while it is read).
 */
final class ExportFileCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportFileCheck() {
    }

    /** @return the sections this build reads, by name, with their entries */
    static Map<String, String> verify(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(LibraryFormat.MANIFEST);
            if (manifestEntry == null) {
                throw refused("it has no " + LibraryFormat.MANIFEST + ", so it is not a Sonority library export");
            }
            JsonNode manifest = readManifest(zip, manifestEntry);
            if (!LibraryFormat.FORMAT.equals(manifest.path("format").asString(""))) {
                throw refused("its manifest does not name the format '" + LibraryFormat.FORMAT
                        + "', so it is not a Sonority library export");
            }
            int version = manifest.path("format_version").asInt(-1);
            if (version > LibraryFormat.VERSION) {
                throw refused("it was written by a newer Sonority (export format version " + version
                        + "; this one reads up to version " + LibraryFormat.VERSION + "). Upgrade Sonority, then import it");
            }
            if (version < 1) {
                throw refused("its manifest has no valid format_version");
            }
            Map<String, String> readable = new HashMap<>();
            for (JsonNode section : manifest.path("sections")) {
                String name = section.path("name").asString("");
                String entryName = section.path("entry").asString("");
                ZipEntry entry = zip.getEntry(entryName);
                if (entry == null) {
                    throw refused("section '" + name + "' (" + entryName + ") is missing");
                }
                String sum = sha256(zip, entry);
                if (!sum.equalsIgnoreCase(section.path("sha256").asString(""))) {
                    throw refused("section '" + name + "' does not match its sha256 in the manifest (changed or damaged"
                            + " after export)");
                }
                Integer known = LibraryFormat.SECTIONS.get(name);
                if (known != null && section.path("version").asInt(-1) > known) {
                    throw refused("its section '" + name + "' has version " + section.path("version").asInt()
                            + ", newer than this Sonority reads (" + known + "). Upgrade Sonority, then import it");
                }
                if (known != null) {
                    readable.put(name, entryName);
                }
            }
            for (String name : LibraryFormat.SECTIONS.keySet()) {
                if (!readable.containsKey(name)) {
                    throw refused("section '" + name + "' is not listed in its manifest");
                }
            }
            return readable;
        } catch (ZipException e) {
            throw refused("it is not a complete zip file (truncated, or not an export): " + e.getMessage());
        } catch (IOException e) {
            throw refused("it could not be read: " + e.getMessage());
        }
    }

    private static JsonNode readManifest(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            JsonNode manifest = JSON.readTree(in);
            if (manifest == null || !manifest.isObject()) {
                throw refused("its " + LibraryFormat.MANIFEST + " is not a JSON object");
            }
            return manifest;
        } catch (JacksonException e) {
            throw refused("its " + LibraryFormat.MANIFEST + " is not valid JSON");
        }
    }

    private static String sha256(ZipFile zip, ZipEntry entry) throws IOException {
        MessageDigest digest = SectionWriter.sha256();
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static ApiException refused(String why) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "The import file was refused and nothing was written: "
                + why + ".");
    }
}
