package dev.sonority.e2e;

import static dev.sonority.e2e.ServiceHttp.awaitTask;
import static dev.sonority.e2e.ServiceHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.model.job.JobTopology;
import dev.sonority.testing.CompletionLog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The fault matrix: during an analyze task over a generated library, each part of an installation in turn is
 * killed with SIGKILL at a random moment and started again (same environment, port and data), and nothing may
 * be lost or done twice. Checked after each kill:
 * <ul>
 *   <li>every song of the album has each model's row COMPLETED exactly once (a trigger logs every transition to
 *       COMPLETED, {@link CompletionLog}) or FAILED with a reason, and the task that analysed it ended SUCCESS;
 *       and, stricter, none FAILED: the files are good, so a FAILED song would be work the fault destroyed;
 *   <li>no task of any kind is left PENDING or RUNNING;
 *   <li>the task's total, processed and failed counts equal what its song_analysis rows say;
 *   <li>no message is left in any queue the services declare, and nothing was dead-lettered;
 *   <li>{@code GET /api/v1/similar} answers, from the model asked for, for every song and model COMPLETED.
 * </ul>
 * One installation serves the five scenarios (CI time: the parts start once), each on an album of its own
 * that analyze picks up alone because the earlier songs already have current results. The worker, the API and
 * inference-service are the packaged jars; PostgreSQL is embedded (zonky, own data directory and port; the
 * machine's shared server is never touched), killed through its postmaster's pid and started again on the same
 * data directory ({@link Postmaster}). The broker is the launcher's {@code EmbeddedBroker} (Qpid Broker-J on its
 * Derby store), but in a JVM of its own ({@link StandaloneBroker}): inside this JVM it could only be shut down
 * cleanly, never killed.
 *
 * <p>The kill moments come from a seeded {@link Random} whose seed is printed; {@code -Dfaults.seed=N} replays a
 * run. The table (component, outcome, recovery times) is printed and written to
 * {@code launcher/target/fault-matrix.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixIT {

    static final int SONGS = 12;
    static final double SECONDS = 15.0;
    static final int RATE = 44_100;
    static final List<String> MODELS = List.of("acoustic_features", "musicnn");
    static final Duration TASK_WITHIN = Duration.ofMinutes(8);
    static final Duration SETTLE_WITHIN = Duration.ofMinutes(4);

    @TempDir
    static Path temp;

    private final long seed = Long.getLong("faults.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final FaultTable table = new FaultTable(seed);
    private final JobTopology topology = new JobTopology(FaultInstallation.QUEUE_PREFIX);
    private FaultInstallation installation;
    private JdbcClient jdbc;

    @BeforeAll
    void start() throws Exception {
        System.out.println("Fault matrix seed " + seed + " (replay with -Dfaults.seed=" + seed + ")");
        installation = FaultInstallation.start(temp);
        jdbc = installation.jdbc();
        CompletionLog.install(jdbc);
    }

    @AfterAll
    void stop() throws Exception {
        Path target = Path.of(System.getProperty("sonority.project.dir"), "launcher", "target");
        try {
            System.out.println(table.markdown());
            table.write(target.resolve("fault-matrix.md"));
        } finally {
            if (installation != null) {
                installation.close();
                installation.keepLogs(target.resolve("fault-matrix-logs"));
            }
        }
    }

    @Test
    @Order(1)
    void workerKilled() throws Exception {
        scenario(Part.WORKER);
    }

    @Test
    @Order(2)
    void apiKilled() throws Exception {
        scenario(Part.API);
    }

    @Test
    @Order(3)
    void inferenceKilled() throws Exception {
        scenario(Part.INFERENCE);
    }

    @Test
    @Order(4)
    void brokerKilled() throws Exception {
        scenario(Part.BROKER);
    }

    @Test
    @Order(5)
    void postgresKilled() throws Exception {
        scenario(Part.POSTGRES);
    }

    private void scenario(Part part) throws Exception {
        Scenario run = new Scenario(part);
        try {
            play(run);
            table.add(run.row("SUCCESS, all checks hold"));
        } catch (Throwable failure) {
            table.add(run.row("FAILED: " + firstLine(failure)));
            System.out.println("Fault matrix, " + part.label() + " failed; logs:" + installation.tails());
            throw failure;
        }
    }

    private void play(Scenario run) throws Exception {
        String album = "fault-" + run.part.name().toLowerCase(java.util.Locale.ROOT);
        writeAlbum(album);
        awaitNoActiveTask();
        long deadLetters = deadLetters();
        String api = installation.api();
        assertThat(awaitTask(api, post(api + "/api/v1/batch/scan/run"), SETTLE_WITHIN).path("status").asString())
                .isEqualTo("SUCCESS");
        TaskWatch task = new TaskWatch(jdbc, analyze(api));
        // at most half the album, so the kill lands mid-task even where an idle machine analyses 2 songs a second
        int killAfter = 2 + random.nextInt(5);
        long pauseMillis = random.nextInt(1_000);
        TaskWatch.State before = task.awaitProcessed(killAfter, TASK_WITHIN);
        assertThat(before.active()).as("the task still runs when the kill is due: " + before).isTrue();
        Thread.sleep(pauseMillis); // the random moment inside the next song is the behaviour under test

        Instant ended = killAndRestart(run, task);

        List<AnalysisRow> rows = AnalysisRow.ofAlbum(jdbc, album, MODELS);
        run.songs = (int) rows.stream().map(AnalysisRow::songId).distinct().count();
        run.failed = (int) rows.stream().filter(r -> "FAILED".equals(r.status())).map(AnalysisRow::songId).distinct()
                .count();
        run.completed = run.songs - run.failed;
        run.index = Duration.between(ended, awaitIndexAnswers(api, rows));
        checkRows(task, rows);
        checkCounts(task);
        checkSettled(deadLetters);
    }

    /**
     * Kills the part, starts it again, and waits for the task to end, timing the recovery while the part
     * starts: the others may go on without it (the worker without the API). Answers when the task ended.
     */
    private Instant killAndRestart(Scenario run, TaskWatch task) throws Exception {
        run.killedAt = task.read().orElseThrow().processed();
        Instant killed = Instant.now();
        installation.kill(run.part);
        Instant restart = Instant.now();
        System.out.printf("Fault matrix: %s killed after %d of %d songs%n", run.part.label(), run.killedAt, SONGS);
        assertThat(run.killedAt).as("songs done when the kill came: it must land mid-task").isLessThan(SONGS);
        ExecutorService watchers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<Instant> ended = watchers.submit(() -> task.awaitEnd(TASK_WITHIN));
            Optional<Integer> baseline = task.read().map(TaskWatch.State::processed); // empty: PostgreSQL is down
            Future<Instant> progressed = baseline.map(count -> watchers.submit(
                    () -> task.awaitProgressBeyond(count, TASK_WITHIN))).orElse(null);
            installation.restart(run.part);
            run.back = Duration.between(killed, Instant.now());
            if (progressed == null) { // nothing could be counted while PostgreSQL was down: count from now
                int count = task.read().orElseThrow().processed();
                progressed = watchers.submit(() -> task.awaitProgressBeyond(count, TASK_WITHIN));
            }
            run.recovery = Duration.between(restart, progressed.get());
            run.taskEnd = Duration.between(restart, ended.get());
            return ended.get();
        } finally {
            watchers.shutdownNow(); // a failed restart must not leave the watchers polling
        }
    }

    /** Every song of the album: each model's row done by this task, COMPLETED once or FAILED with a reason. */
    private void checkRows(TaskWatch task, List<AnalysisRow> rows) {
        TaskWatch.State state = task.read().orElseThrow();
        assertThat(state.status()).as("the task's outcome " + state).isEqualTo("SUCCESS");
        Map<Long, List<String>> models = rows.stream().collect(Collectors.groupingBy(AnalysisRow::songId,
                Collectors.mapping(AnalysisRow::model, Collectors.toList())));
        assertThat(models).as("songs of the album").hasSize(SONGS);
        models.forEach((song, analysed) -> assertThat(analysed).as("models of song " + song)
                .containsExactlyInAnyOrderElementsOf(MODELS));
        for (AnalysisRow row : rows) {
            assertThat(row.taskId()).as(row + " analysed by the task").isEqualTo(task.id());
            assertThat(row.status()).as(row.toString()).isIn("COMPLETED", "FAILED");
            if ("COMPLETED".equals(row.status())) {
                assertThat(row.completions()).as(row + " completed exactly once").isEqualTo(1);
            } else {
                assertThat(row.reason()).as(row + " failed with a reason").isNotBlank();
                assertThat(row.completions()).as(row + " never completed").isZero();
            }
        }
        // Stricter than "COMPLETED or FAILED with a reason": every file here is good, and one kill cannot use up
        // ANALYZE_MAX_ATTEMPTS (3), so a FAILED song can only be one the outage made fail: work lost to the fault
        assertThat(rows).as("songs failed by the outage").filteredOn(row -> "FAILED".equals(row.status())).isEmpty();
    }

    /** The task's counters against its rows: every song it covers, those done, those with a model FAILED. */
    private void checkCounts(TaskWatch task) {
        Map<String, Object> counted = jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE done) AS processed,
                       count(*) FILTER (WHERE failed) AS failed
                  FROM (SELECT song_id, bool_and(status IN ('COMPLETED', 'FAILED')) AS done,
                               bool_or(status = 'FAILED') AS failed
                          FROM song_analysis WHERE task_id = :task GROUP BY song_id) per_song
                """).param("task", task.id()).query().singleRow();
        TaskWatch.State state = task.read().orElseThrow();
        assertThat(List.of(state.total(), state.processed(), state.failed())).as("task counts (total, processed,"
                + " failed) against its rows " + counted).containsExactly(((Number) counted.get("total")).intValue(),
                        ((Number) counted.get("processed")).intValue(), ((Number) counted.get("failed")).intValue());
        assertThat(state.processed()).as("every song of the task processed").isEqualTo(state.total());
    }

    /** No task left active, no message left in a queue, nothing dead-lettered. */
    private void checkSettled(long deadLettersBefore) {
        await("no task PENDING or RUNNING").atMost(SETTLE_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(this::activeTasks, List::isEmpty);
        await("every queue empty").atMost(SETTLE_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> QueueDepths.read(installation.amqpUrl(), topology),
                        depths -> depths.values().stream().allMatch(depth -> depth == 0));
        assertThat(deadLetters()).as("messages dead-lettered").isEqualTo(deadLettersBefore);
    }

    /** Waits until the index answers for every COMPLETED song and model from that model; answers when. */
    private Instant awaitIndexAnswers(String api, List<AnalysisRow> rows) {
        List<AnalysisRow> completed = rows.stream().filter(r -> "COMPLETED".equals(r.status())).toList();
        await("the index answers for every analysed song").atMost(SETTLE_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> unanswered(api, completed), List::isEmpty);
        return Instant.now();
    }

    /** The songs and models {@code GET /api/v1/similar} does not answer (yet) from the model asked for. */
    private static List<String> unanswered(String api, List<AnalysisRow> rows) throws Exception {
        List<String> missing = new ArrayList<>();
        for (AnalysisRow row : rows) {
            HttpResponse<String> answer = ServiceHttp.send(api + "/api/v1/similar?song="
                    + URLEncoder.encode(row.path(), StandardCharsets.UTF_8) + "&model=" + row.model() + "&limit=5");
            String model = answer.headers().firstValue("X-Sonority-Model").orElse("");
            if (answer.statusCode() != 200 || !model.equals(row.model())) {
                missing.add(row.path() + " " + row.model() + " -> " + answer.statusCode() + " " + model);
            }
        }
        return missing;
    }

    private UUID analyze(String api) throws Exception {
        HttpResponse<String> response = ServiceHttp.HTTP.send(HttpRequest.newBuilder(
                URI.create(api + "/api/v1/batch/analyze/run")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"models\":[\"" + String.join("\",\"", MODELS) + "\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode task = ServiceHttp.JSON.readTree(response.body());
        assertThat(task.path("status").asString()).as(response.body()).isIn("PENDING", "RUNNING");
        return UUID.fromString(task.path("id").asString());
    }

    /** Twelve songs of 15 s, a chord over a click track, each with its own pitch and tempo. */
    private void writeAlbum(String album) {
        for (int i = 1; i <= SONGS; i++) {
            double root = 110 + random.nextInt(220);
            float[] samples = TestSignals.chord(new double[] {root, root * 1.26, root * 1.5}, SECONDS, RATE, 0.5);
            float[] clicks = TestSignals.clickTrack(70 + random.nextInt(100), SECONDS, RATE);
            for (int s = 0; s < samples.length; s++) {
                samples[s] = 0.6f * samples[s] + 0.4f * clicks[s];
            }
            AudioFileWriter.write(installation.musicDir().resolve(album).resolve("track-%02d.flac".formatted(i)),
                    samples, RATE, FixtureTags.of("Track " + i, "Fault Matrix", album));
        }
    }

    private void awaitNoActiveTask() {
        await("earlier tasks ended").atMost(SETTLE_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(this::activeTasks, List::isEmpty);
    }

    private List<String> activeTasks() {
        return jdbc.sql("SELECT type || ' ' || id || ' ' || status FROM task WHERE status IN ('PENDING', 'RUNNING')")
                .query(String.class).list();
    }

    private long deadLetters() {
        return jdbc.sql("SELECT count(*) FROM dead_letter").query(Long.class).single();
    }

    private static String firstLine(Throwable failure) {
        String line = String.valueOf(failure.getMessage()).strip().lines().findFirst().orElse("");
        return line.length() <= 160 ? line : line.substring(0, 160) + "...";
    }

    /** What one scenario measured so far; a failure reports what it got to. */
    private static final class Scenario {

        final Part part;
        int songs;
        int killedAt = -1;
        int completed;
        int failed;
        Duration back;
        Duration recovery;
        Duration taskEnd;
        Duration index;

        Scenario(Part part) {
            this.part = part;
        }

        FaultTable.Row row(String outcome) {
            return new FaultTable.Row(part, outcome, songs, killedAt, completed, failed, back, recovery, taskEnd, index);
        }
    }
}
