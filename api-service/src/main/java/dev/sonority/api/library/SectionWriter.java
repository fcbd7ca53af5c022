package dev.sonority.api.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes one section into the export zip, line by line, summing what it writes (sha256 of the entry's bytes). */
final class SectionWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ZipOutputStream zip;
    private final String name;
    private final MessageDigest digest;
    private long records;

    SectionWriter(ZipOutputStream zip, String name) throws IOException {
        this.zip = zip;
        this.name = name;
        this.digest = sha256();
        zip.putNextEntry(new ZipEntry(LibraryFormat.entryName(name)));
    }

    void write(JsonNode record) throws IOException {
        byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        digest.update(line);
        zip.write(line);
        records++;
    }

    SectionSummary close() throws IOException {
        zip.closeEntry();
        return new SectionSummary(name, LibraryFormat.SECTIONS.get(name), LibraryFormat.entryName(name), records,
                HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
