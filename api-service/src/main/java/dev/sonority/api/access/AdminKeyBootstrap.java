package dev.sonority.api.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Stores {@code SONORITY_ADMIN_KEY} as the first admin key at every start, so a fresh install has a key that can
 * create the others. Idempotent: see {@link ApiKeys#bootstrapAdmin}. It runs once every bean exists (the
 * migrations have run) and before the web server takes requests: a client that sees {@code /health} answer can use
 * the key at once (an ApplicationRunner would run only after the port is open).
 */
@Component
class AdminKeyBootstrap implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final AccessProperties properties;
    private final ApiKeys keys;

    AdminKeyBootstrap(AccessProperties properties, ApiKeys keys) {
        this.properties = properties;
        this.keys = keys;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String key = properties.adminKey();
        if (key.isEmpty()) {
            if (properties.keysRequired()) {
                LOG.info("AUTH_MODE=keys without SONORITY_ADMIN_KEY: only the keys already stored are accepted");
            }
            return;
        }
        if (key.length() < ApiKeys.MIN_BOOTSTRAP_LENGTH) {
            throw new IllegalStateException("SONORITY_ADMIN_KEY is " + key.length() + " characters long; an admin key"
                    + " must have at least " + ApiKeys.MIN_BOOTSTRAP_LENGTH + " (e.g. the output of"
                    + " `openssl rand -base64 32`)");
        }
        keys.bootstrapAdmin(key);
        LOG.info("SONORITY_ADMIN_KEY is stored as admin key '{}'", ApiKeys.BOOTSTRAP_ID);
    }
}
