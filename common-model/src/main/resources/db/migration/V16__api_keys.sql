-- API keys of access control (api-service, AUTH_MODE=keys). Only a SHA-256 of each key is kept: a key is 256 random
-- bits, so a fast hash cannot be brute-forced, and it is checked on every request, where bcrypt's deliberate
-- slowness (tens of ms) would be the API's slowest step. The key itself is shown once, when it is created.
CREATE TABLE api_key (
    id          BIGSERIAL   PRIMARY KEY,
    -- the public handle shown in lists and used to revoke (not secret): "k" + 10 hex digits, or "env-admin" for
    -- the key of SONORITY_ADMIN_KEY
    key_id      TEXT        NOT NULL UNIQUE,
    name        TEXT        NOT NULL,
    role        TEXT        NOT NULL CHECK (role IN ('read', 'write', 'admin')),
    -- SHA-256 of the key's UTF-8 bytes; every request looks its key up by this
    key_hash    BYTEA       NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- set once the key is revoked: it then authenticates nothing, and the row stays for the audit of who had what
    revoked_at  TIMESTAMPTZ
);
