package dev.sonority.api.access;

import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The web UI's sign-in with a key: a session cookie ({@code HttpOnly}, {@code SameSite=Strict}) that then stands
 * for the key, with a CSRF token that the UI sends back on every write.
 */
@RestController
@Tag(name = "Access", description = "API keys and the web UI's sign-in (AUTH_MODE=keys)")
public class SessionController {

    static final String PATH = "/api/v1/session";

    /** {@code role} of the key signed in with; the UI sends {@code csrf_token} in the header {@code csrf_header}. */
    public record SignedIn(String keyId, String name, String role, String csrfHeader, String csrfToken) {
    }

    private final AccessProperties properties;
    private final ApiKeys keys;
    private final HttpSessionSecurityContextRepository sessions;

    SessionController(AccessProperties properties, ApiKeys keys, HttpSessionSecurityContextRepository sessions) {
        this.properties = properties;
        this.keys = keys;
        this.sessions = sessions;
    }

    @PostMapping(PATH)
    @Operation(summary = "Sign in with a key (web UI)", description = "Body `{\"key\": \"...\"}`. 200 sets the session"
            + " cookie and returns the CSRF token for writes; 401 for a key that is not valid (the same answer"
            + " whatever the reason); 409 when AUTH_MODE=off (nothing to sign in to).")
    public SignedIn signIn(@RequestBody JsonNode body, HttpServletRequest request, HttpServletResponse response) {
        if (!properties.keysRequired()) {
            throw ApiException.conflict("Access control is off (AUTH_MODE=off): every request is allowed without"
                    + " signing in");
        }
        JsonNode key = body == null ? null : body.get("key");
        if (key == null || !key.isString()) {
            throw new ValidationException(Violation.of("Field required: the key, as a string", "missing", "body", "key"));
        }
        ApiKeys.StoredKey stored = keys.find(key.asString())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, AccessProblems.UNAUTHORIZED));
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate(); // a new session id at every sign-in: no fixation
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new KeyAuthentication(stored.keyId(), stored.role()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new SignedIn(stored.keyId(), stored.name(), stored.role().apiName(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }

    @DeleteMapping(PATH)
    @Operation(summary = "Sign out (web UI)", description = "Ends the session; 204 whether or not one existed.")
    public ResponseEntity<Void> signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }
}
