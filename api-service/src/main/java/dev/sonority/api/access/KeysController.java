package dev.sonority.api.access;

import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** API keys (admin only): create (the key is shown once), list (never a key or hash), revoke. */
@RestController
@Tag(name = "Access", description = "API keys and the web UI's sign-in (AUTH_MODE=keys)")
public class KeysController {

    static final int MAX_NAME = 100;

    /** A key as listed. */
    public record KeyView(String keyId, String name, String role, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
        static KeyView of(ApiKeys.StoredKey key) {
            return new KeyView(key.keyId(), key.name(), key.role().apiName(), key.createdAt(), key.revokedAt());
        }
    }

    /** The answer to a creation: the only time {@code key} is ever shown. */
    public record CreatedKey(String keyId, String name, String role, OffsetDateTime createdAt, String key) {
    }

    public record KeyList(List<KeyView> keys) {
    }

    private final ApiKeys keys;

    KeysController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/api/v1/keys")
    @Operation(summary = "Create an API key", description = "Body `{\"name\": \"sola\", \"role\": \"read\"}` (role:"
            + " read, write or admin). 201 with the key: store it now, it cannot be shown again. 422 for a bad body.")
    public ResponseEntity<CreatedKey> create(@RequestBody JsonNode body) {
        String name = text(body, "name");
        String roleName = text(body, "role");
        if (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(Violation.of("name must be 1-" + MAX_NAME
                    + " characters without control characters", "value_error", "body", "name"));
        }
        Role role = Role.named(roleName).orElseThrow(() -> new ValidationException(Violation.of(
                "role must be one of read, write, admin", "value_error", "body", "role")));
        ApiKeys.NewKey created = keys.create(name.strip(), role);
        ApiKeys.StoredKey stored = created.stored();
        return ResponseEntity.created(URI.create("/api/v1/keys/" + stored.keyId())).body(new CreatedKey(
                stored.keyId(), stored.name(), role.apiName(), stored.createdAt(), created.key()));
    }

    @GetMapping("/api/v1/keys")
    @Operation(summary = "List API keys", description = "Every key ever made, revoked ones with `revoked_at`; never a"
            + " key or its hash.")
    public KeyList list() {
        return new KeyList(keys.list().stream().map(KeyView::of).toList());
    }

    @DeleteMapping("/api/v1/keys/{key_id}")
    @Operation(summary = "Revoke an API key", description = "204; the key authenticates nothing from now on, and"
            + " sessions signed in with it end. 404 for an unknown id.")
    public ResponseEntity<Void> revoke(@PathVariable("key_id") String keyId) {
        if (!keys.revoke(keyId)) {
            throw ApiException.notFound("No API key has the id '" + keyId.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return ResponseEntity.noContent().build();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || !value.isString()) {
            throw new ValidationException(Violation.of("Field required: " + field + ", a string", "missing", "body",
                    field));
        }
        return value.asString();
    }
}
