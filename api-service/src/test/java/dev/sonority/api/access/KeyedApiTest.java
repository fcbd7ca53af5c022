package dev.sonority.api.access;

import dev.sonority.api.support.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The API with {@code AUTH_MODE=keys} and a bootstrap admin key (a context of its own beside the shared one, on
 * the same database). {@link #keyOf} makes keys of each role through the real key store. The context is closed
 * after each class and keeps a small pool, so it never holds PostgreSQL connections that later classes need.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"sonority.access.mode=keys", "spring.datasource.hikari.maximum-pool-size=3",
        "sonority.access.admin-key=" + KeyedApiTest.ADMIN_KEY,
        // Spring Security's own debug lines are on, so the log tests see everything it would ever print
        "logging.level.org.springframework.security=DEBUG"})
abstract class KeyedApiTest extends ApiIntegrationTest {

    static final String ADMIN_KEY = "bootstrap-admin-key-for-the-tests-0123456789";

    @Autowired
    ApiKeys keys;

    Caller anonymous() {
        return new Caller(port);
    }

    Caller as(Role role) {
        return anonymous().bearer(keyOf(role));
    }

    String keyOf(Role role) {
        return keys.create("test " + role.apiName(), role).key();
    }
}
