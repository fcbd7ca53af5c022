package dev.sonority.worker.analyze;

import dev.sonority.model.analysis.AnalysisClaim;
import dev.sonority.model.analysis.AnalysisStatus;
import dev.sonority.model.analysis.AnalysisTransitions;
import dev.sonority.model.task.TaskStatus;
import dev.sonority.model.task.TaskTransitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code song_analysis} rows of an analyze task and the task's counters, as the analyze job and its
 * batches need them: the reads are here, every change goes through {@link AnalysisTransitions} (the song's
 * rows) or {@link TaskTransitions} (the task's counters), where the rules that make analysis exactly-once per
 * song and model version are written down. A song is counted exactly once because its rows' transition to
 * COMPLETED/FAILED and the task's counters are written in one short transaction that first checks
 * ({@link #holds}), under a row lock, that the rows still carry the attempt's claim (the models' results were
 * stored in an earlier transaction under the same claim; see SongProcessor).
 */
@Component
class AnalysisStore {

    private final JdbcClient jdbc;
    private final AnalysisTransitions analyses;
    private final TaskTransitions tasks;

    AnalysisStore(JdbcClient jdbc, AnalysisTransitions analyses, TaskTransitions tasks) {
        this.jdbc = jdbc;
        this.analyses = analyses;
        this.tasks = tasks;
    }

    /** Marks for this task every present, readable song lacking a current result of the model. */
    int markPending(UUID taskId, String model, String version) {
        return analyses.markPending(taskId, model, version);
    }

    /** Songs of the task still to do, in id order. */
    List<Long> unfinishedSongs(UUID taskId) {
        return jdbc.sql("""
                SELECT DISTINCT song_id FROM song_analysis
                 WHERE task_id = :task AND status IN (:unfinished) ORDER BY song_id
                """).param("task", taskId)
                .param("unfinished", List.of(AnalysisStatus.PENDING.name(), AnalysisStatus.RUNNING.name()))
                .query(Long.class).list();
    }

    /** One attempt's claim on a song's unfinished rows of a task. */
    record Claim(long songId, UUID taskId, List<AnalysisClaim> rows) {

        Claim {
            rows = List.copyOf(rows);
        }

        List<String> models() {
            return rows.stream().map(AnalysisClaim::model).toList();
        }

        int attempts() {
            return rows.stream().mapToInt(AnalysisClaim::attempts).max().orElse(0);
        }
    }

    /**
     * Claims the song's unfinished rows of this task for one attempt and counts it (committed on its own):
     * rows PENDING, or RUNNING under a claim not renewed for {@code staleAfter}. Null when the song is finished,
     * deleted, or held by a live worker.
     */
    @Nullable Claim claimAttempt(long songId, UUID taskId, Duration staleAfter) {
        List<AnalysisClaim> rows = analyses.claimAttempt(songId, taskId, staleAfter);
        return rows.isEmpty() ? null : new Claim(songId, taskId, rows);
    }

    /**
     * Gives back the attempt {@link #claimAttempt} counted, and the song to the next claim, when the attempt
     * ended because a dependency (the inference service) was down rather than because of the file.
     */
    void releaseAttempt(Claim claim) {
        claim.rows().forEach(row -> analyses.releaseAttempt(claim.songId(), claim.taskId(), row));
    }

    /** Renews the claim, so other workers go on seeing the song as held. */
    void renew(Claim claim) {
        analyses.renew(claim.songId(), claim.taskId());
    }

    /**
     * Locks the song's running rows of the task for the current transaction and tells whether they still carry
     * this claim (not taken over after it went stale, not re-marked by another task).
     */
    boolean holds(Claim claim) {
        List<AnalysisClaim> rows = jdbc.sql("""
                SELECT model, attempts FROM song_analysis
                 WHERE song_id = :song AND task_id = :task AND status = :running FOR UPDATE
                """).param("song", claim.songId()).param("task", claim.taskId())
                .param("running", AnalysisStatus.RUNNING.name())
                .query((rs, n) -> new AnalysisClaim(rs.getString("model"), rs.getInt("attempts"))).list();
        return Set.copyOf(rows).equals(Set.copyOf(claim.rows()));
    }

    /** Songs of running tasks whose claim nobody renewed for {@code staleAfter}, by task. */
    Map<UUID, List<Long>> staleClaims(Duration staleAfter) {
        Map<UUID, List<Long>> songs = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT DISTINCT a.task_id, a.song_id FROM task t JOIN song_analysis a ON a.task_id = t.id
                 WHERE t.status = :task_running AND a.status = :running
                   AND a.updated_at < now() - make_interval(secs => :stale)
                 ORDER BY a.task_id, a.song_id
                """).param("stale", seconds(staleAfter)).param("task_running", TaskStatus.RUNNING.name())
                .param("running", AnalysisStatus.RUNNING.name())
                .query((rs, n) -> Map.entry(rs.getObject("task_id", UUID.class), rs.getLong("song_id"))).list()
                .forEach(e -> songs.computeIfAbsent(e.getKey(), task -> new ArrayList<>()).add(e.getValue()));
        return songs;
    }

    /** Puts stale claims (published again) back to PENDING, so they are not published again next time. */
    void requeueStale(UUID taskId, List<Long> songIds, Duration staleAfter) {
        analyses.requeueStale(taskId, songIds, staleAfter);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    void completed(long songId, String model, String version) {
        analyses.completed(songId, model, version);
    }

    void failed(long songId, String model, @Nullable String version, String reason) {
        analyses.failed(songId, model, version, reason);
    }

    /** The task's state as a child batch needs it. */
    record ParentState(String status, boolean cancelRequested) {
        boolean running() {
            return TaskStatus.RUNNING.name().equals(status) && !cancelRequested;
        }
    }

    @Nullable ParentState parent(UUID taskId) {
        return jdbc.sql("SELECT status, cancel_requested FROM task WHERE id = :id").param("id", taskId)
                .query((rs, n) -> new ParentState(rs.getString("status"), rs.getBoolean("cancel_requested")))
                .optional().orElse(null);
    }

    /** Sets the task's total (songs it covers); called by the fan-out before any child can finish. */
    void setTotal(UUID taskId) {
        tasks.countSongs(taskId);
    }

    /** Counts finished songs into the task and ends it when the last one is in; in the finishing transaction. */
    void countFinished(UUID taskId, int processed, int failed) {
        tasks.countFinished(taskId, processed, failed);
    }

    /** Recomputes the task's counters from its rows and ends it if nothing is left (see TaskTransitions). */
    void reconcile(UUID taskId) {
        tasks.reconcile(taskId);
    }
}
