package dev.sonority.worker.map;

import dev.sonority.model.task.TaskType;
import dev.sonority.worker.tasks.AnalyzeTaskSucceeded;
import dev.sonority.worker.tasks.FollowUpTasks;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts a MAP task when an analyze task has ended and a model's stored map has drifted from the library: the
 * number of songs with the model's search vector differs from the number in its map by more than
 * {@code MAP_REFRESH_FRACTION}. Only models that have a map are refreshed (a map is first made on request), with
 * the method of their current map and a new seed. The task is a normal one (one active at a time: a second trigger
 * finds it and does nothing, and the next analyze task checks again).
 */
@Component
class MapTrigger {

    private static final Logger log = LoggerFactory.getLogger(MapTrigger.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final FollowUpTasks followUps;
    private final MapProperties properties;

    MapTrigger(JdbcClient jdbc, FollowUpTasks followUps, MapProperties properties) {
        this.jdbc = jdbc;
        this.followUps = followUps;
        this.properties = properties;
    }

    record Drift(String model, String method, long mapped, long songs) {
    }

    @EventListener
    void afterAnalyzeTask(AnalyzeTaskSucceeded event) {
        try {
            // one MAP task at a time: the first drifted model now, the others after the next analyze
            drifted().stream().findFirst().ifPresent(this::submit);
        } catch (RuntimeException e) { // the batch is committed; the next analyze task (or a user) tries again
            log.warn("Could not check the library maps after task {}: {}", event.taskId(), e.toString());
        }
    }

    /** The models whose stored map has drifted by more than the fraction. */
    List<Drift> drifted() {
        return jdbc.sql("""
                SELECT m.model, m.method, m.mapped,
                       (SELECT count(*) FROM embedding e WHERE e.model = m.model AND e.kind = 'search') AS songs
                  FROM (SELECT model, min(method) AS method, count(*) AS mapped FROM song_map GROUP BY model) m
                 ORDER BY m.model
                """).query((rs, n) -> new Drift(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list().stream()
                .filter(d -> Math.abs(d.songs() - d.mapped()) > properties.refreshFraction() * d.mapped())
                .toList();
    }

    private void submit(Drift drift) {
        String reason = String.format(Locale.ROOT, "%s map holds %d songs, the library has %d (more than %.0f %% apart)",
                drift.model(), drift.mapped(), drift.songs(), 100 * properties.refreshFraction());
        followUps.start(TaskType.MAP, JSON.writeValueAsString(Map.of("model", drift.model(), "method", drift.method(),
                "seed", ThreadLocalRandom.current().nextLong(0, 1L << 31), "trigger", "analyze")), reason);
    }
}
