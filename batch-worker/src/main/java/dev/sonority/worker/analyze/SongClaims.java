package dev.sonority.worker.analyze;

import dev.sonority.worker.config.TransientFailures;
import dev.sonority.worker.config.WorkerProperties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The songs this worker is analysing right now. Their claims are renewed every {@code TASK_HEARTBEAT}, which is
 * how other workers know the song is held although no transaction or row lock is open while it is computed; a
 * claim nobody renews for {@code TASK_STALE_AFTER} is a dead worker's ({@link StaleClaimRecovery}).
 */
@Component
class SongClaims implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SongClaims.class);

    private final Set<AnalysisStore.Claim> held = ConcurrentHashMap.newKeySet();
    private final AnalysisStore store;
    private final WorkerProperties properties;

    SongClaims(AnalysisStore store, WorkerProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Renews every held claim every {@code TASK_HEARTBEAT}. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::renew, properties.heartbeat());
    }

    /** Renews the claim until the returned handle is closed. */
    Held hold(AnalysisStore.Claim claim) {
        held.add(claim);
        return () -> held.remove(claim);
    }

    void renew() {
        for (AnalysisStore.Claim claim : Set.copyOf(held)) {
            try {
                store.renew(claim);
            } catch (RuntimeException e) {
                log.warn("Could not renew the claim on song {}: {}", claim.songId(), TransientFailures.describe(e));
            }
        }
    }

    /** Closing it ends the renewal. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
