package dev.sonority.api.discovery;

import dev.sonority.api.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import smile.feature.extraction.PCA;
import smile.linalg.blas.cblas_h;

/**
 * Smile (artist mixtures, alchemy's projection) does its linear algebra in the system's OpenBLAS, which it
 * opens as {@code libopenblas.so} (Debian and Ubuntu: {@code libopenblas-dev}, or {@code libopenblas0} with a
 * {@code libopenblas.so} link; the API's Docker image has it). Whether it can is found out once, with a tiny
 * PCA; without it those features answer 503 saying what to install, and the start logs the same, rather than
 * a 500 from deep inside Smile.
 *
 * <p>OpenBLAS is held to one thread. The matrices here are small (a Gram matrix of a few hundred songs, an
 * artist's mixture in eight dimensions) and many requests run at once: OpenBLAS's own pool, one spinning thread
 * per core, only fights the request threads for the cores (alchemy's p99 was 53 ms with it, p50 2.6 ms).
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
                oneThread();
            } catch (RuntimeException | LinkageError e) { // Smile's bindings fail in a static initialiser
                known = false;
            }
            available = known;
        }
        return known;
    }

    private static void oneThread() {
        try {
            cblas_h.openblas_set_num_threads(1);
        } catch (RuntimeException | LinkageError e) { // a BLAS other than OpenBLAS: it keeps its own threading
            log.info("Could not hold the BLAS library to one thread: {}", e.toString());
        }
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
