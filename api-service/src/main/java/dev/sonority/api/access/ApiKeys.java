package dev.sonority.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code api_key} table: creating, finding, listing and revoking keys. Only the SHA-256 of a key is stored: a
 * generated key carries 256 random bits, so its hash cannot be reversed by guessing, and a hash is a microsecond
 * per request where bcrypt would cost tens of milliseconds on every call. Neither a key nor its hash ever leaves
 * this class: {@link StoredKey} has neither, and nothing here logs.
 */
@Component
public class ApiKeys {

    /** The shortest {@code SONORITY_ADMIN_KEY} accepted: a guessable admin key would open everything. */
    public static final int MIN_BOOTSTRAP_LENGTH = 24;
    static final String BOOTSTRAP_ID = "env-admin";
    private static final String PREFIX = "snr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as listed: its public handle, never the key or its hash. */
    public record StoredKey(String keyId, String name, Role role, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** A new key: {@code key} is shown to its creator once and is never readable again. */
    public record NewKey(StoredKey stored, String key) {
    }

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public NewKey create(String name, Role role) {
        String keyId = "k" + HexFormat.of().formatHex(random(5));
        String key = PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        StoredKey stored = jdbc.sql("INSERT INTO api_key (key_id, name, role, key_hash) VALUES (?, ?, ?, ?)"
                        + " RETURNING key_id, name, role, created_at, revoked_at")
                .params(keyId, name, role.apiName(), hash(key)).query(ApiKeys::row).single();
        return new NewKey(stored, key);
    }

    /** The active (not revoked) key that {@code key} is, if any. */
    public Optional<StoredKey> find(String key) {
        return jdbc.sql("SELECT key_id, name, role, created_at, revoked_at FROM api_key"
                + " WHERE key_hash = ? AND revoked_at IS NULL").param(hash(key)).query(ApiKeys::row).optional();
    }

    /** Whether the key with this handle is still active (a signed-in session ends when its key is revoked). */
    public boolean isActive(String keyId) {
        return jdbc.sql("SELECT count(*) FROM api_key WHERE key_id = ? AND revoked_at IS NULL").param(keyId)
                .query(Long.class).single() > 0;
    }

    public List<StoredKey> list() {
        return jdbc.sql("SELECT key_id, name, role, created_at, revoked_at FROM api_key ORDER BY created_at, id")
                .query(ApiKeys::row).list();
    }

    /** Revokes a key; false when no key has this handle. Revoking twice keeps the first time. */
    public boolean revoke(String keyId) {
        return jdbc.sql("UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE key_id = ?")
                .param(keyId).update() > 0;
    }

    /**
     * Makes {@code key} the admin key {@value #BOOTSTRAP_ID}, idempotently: the same key at every start changes
     * nothing (a revoked one stays revoked), a different one replaces it (a rotation) and is active.
     */
    public void bootstrapAdmin(String key) {
        jdbc.sql("INSERT INTO api_key (key_id, name, role, key_hash) VALUES (?, 'SONORITY_ADMIN_KEY', 'admin', ?)"
                        + " ON CONFLICT (key_id) DO UPDATE SET key_hash = EXCLUDED.key_hash, revoked_at = NULL,"
                        + " created_at = now() WHERE api_key.key_hash <> EXCLUDED.key_hash")
                .params(BOOTSTRAP_ID, hash(key)).update();
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    private static StoredKey row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredKey(rs.getString("key_id"), rs.getString("name"), Role.named(rs.getString("role")).orElseThrow(),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
    }
}
