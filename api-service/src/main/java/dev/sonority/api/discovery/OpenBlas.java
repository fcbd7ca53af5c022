package dev.sonority.api.discovery;

import dev.sonority.api.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import smile.feature.extraction.PCA;

/**
 * Smile (artist mixtures, alchemy's projection) does its linear algebra in the system's OpenBLAS, which it
 * opens as {@code libopenblas.so} (Debian and Ubuntu: {@code libopenblas-dev}, or {@code libopenblas0} with a
 * {@code libopenblas.so} link; the API's Docker image has it). Whether it can is found out once, with a tiny
 * PCA; without it those features answer 503 saying what to install, and the start logs the same, rather than
 * a 500 from deep inside Smile.
 */
@Component
public class OpenBlas {

    private static final Logger log = LoggerFactory.getLogger(OpenBlas.class);

    static final String MISSING = "Artist mixtures and alchemy need the OpenBLAS library (libopenblas.so), which is"
            + " not installed: on Debian or Ubuntu, apt-get install libopenblas-dev";

    private static volatile Boolean available;

    /** Whether Smile's native linear algebra works in this process. */
    public static boolean available() {
        Boolean known = available;
        if (known == null) {
            try {
                PCA.fit(new double[][] {{1, 0}, {0, 1}, {1, 1}});
                known = true;
            } catch (RuntimeException | LinkageError e) { // Smile's bindings fail in a static initialiser
                known = false;
            }
            available = known;
        }
        return known;
    }

    /** @throws ApiException 503 naming the library to install, when it is missing */
    public static void require() {
        if (!available()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, MISSING);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void check() {
        if (!available()) {
            log.warn(MISSING);
        }
    }
}
