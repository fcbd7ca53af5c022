package dev.sonority.api.access;

import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller proven by an API key: its public handle and role, never the key (the credentials are null, so no
 * log line or session store can hold the key). Kept in the web UI's session after sign-in.
 */
public final class KeyAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final Role role;

    KeyAuthentication(String keyId, Role role) {
        super(List.of(role.authority()));
        this.keyId = keyId;
        this.role = role;
        setAuthenticated(true);
    }

    public String keyId() {
        return keyId;
    }

    public Role role() {
        return role;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return keyId;
    }
}
