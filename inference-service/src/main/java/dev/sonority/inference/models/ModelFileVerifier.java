package dev.sonority.inference.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a model's files against the manifest's sha256 before they are loaded. A file whose size and modification
 * time are unchanged since it last matched is not hashed again, so an idle-unloaded model reloads fast.
 */
final class ModelFileVerifier {

    private final Map<Path, String> verified = new ConcurrentHashMap<>();

    /** Throws {@link IllegalStateException} naming the file and both digests when it does not match. */
    void verify(Path file, String manifestPath, String expectedSha256) throws IOException {
        if (expectedSha256 == null) {
            return; // the manifest does not know it yet (a self-exported model)
        }
        String stamp = stamp(file);
        if (stamp.equals(verified.get(file))) {
            return;
        }
        String actual = sha256(file);
        if (!actual.equals(expectedSha256)) {
            verified.remove(file);
            throw new IllegalStateException(manifestPath + " is corrupt or another version: its sha256 is " + actual
                    + ", the manifest says " + expectedSha256 + "; install it again");
        }
        verified.put(file, stamp);
    }

    private static String stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
