package dev.sonority.worker.acoustic;

import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.model.task.TaskType;
import dev.sonority.worker.tasks.AnalyzeTaskSucceeded;
import dev.sonority.worker.tasks.FollowUpTasks;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts a re-vectorise task when an analyze task has ended and the library has drifted from the statistics its
 * acoustic search vectors were standardised with: none exist yet for the current layout, or the number of songs
 * with raw values differs from the statistics' count by more than {@code ACOUSTIC_RESTANDARDISE_FRACTION}. The
 * task is a normal one (visible in the task list, one active at a time: a second trigger finds it and does nothing).
 */
@Component
class RevectoriseTrigger {

    private static final Logger log = LoggerFactory.getLogger(RevectoriseTrigger.class);

    private final JdbcClient jdbc;
    private final FollowUpTasks followUps;
    private final AcousticStatisticsStore statistics;
    private final AcousticProperties properties;

    RevectoriseTrigger(JdbcClient jdbc, FollowUpTasks followUps, AcousticStatisticsStore statistics,
            AcousticProperties properties) {
        this.jdbc = jdbc;
        this.followUps = followUps;
        this.statistics = statistics;
        this.properties = properties;
    }

    @EventListener
    void afterAnalyzeTask(AnalyzeTaskSucceeded event) {
        try {
            drift().ifPresent(reason -> followUps.start(TaskType.REVECTORISE, "{\"trigger\":\"analyze\"}", reason));
        } catch (RuntimeException e) { // the batch is committed; the next analyze task (or a user) tries again
            log.warn("Could not check the acoustic statistics after task {}: {}", event.taskId(), e.toString());
        }
    }

    /** Why the statistics are out of date, or empty when they are current enough. */
    Optional<String> drift() {
        long songs = jdbc.sql("SELECT count(*) FROM embedding WHERE model = :m AND kind = :raw AND model_version = :v")
                .param("m", AcousticModel.NAME).param("raw", EmbeddingKind.RAW).param("v", AcousticModel.VERSION)
                .query(Long.class).single();
        if (songs == 0) {
            return Optional.empty();
        }
        Optional<Long> counted = statistics.songCount(AcousticModel.VERSION);
        if (counted.isEmpty()) {
            return Optional.of("no acoustic statistics yet for " + songs + " songs");
        }
        long base = counted.get();
        double change = Math.abs(songs - base) / (double) base;
        if (change > properties.restandardiseFraction()) {
            return Optional.of(String.format(Locale.ROOT, "library changed from %d to %d songs (%.0f %% > %.0f %%)",
                    base, songs, 100 * change, 100 * properties.restandardiseFraction()));
        }
        return Optional.empty();
    }
}
