package dev.sonority.api.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import dev.sonority.api.tasks.TaskJson;
import dev.sonority.api.tasks.TaskSubmitter;
import dev.sonority.contract.vector.VectorCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.support.CronExpression;
import tools.jackson.databind.JsonNode;

/**
 * The schedules endpoints and their firing against the real PostgreSQL and RabbitMQ. The shared context's ticker
 * is off (SCHEDULE_TICK=0s in the base), so each test fires by calling {@link ScheduleRunner#tick()}; "several
 * API instances" are several runners over the same database, each with its own connections, racing on threads.
 * A firing is a task row (PENDING, or SKIPPED while one of the type is active), so counting task rows counts
 * firings: a slot fired twice shows as one task too many.
 */
class SchedulesIT extends ApiIntegrationTest {

    private static final String JSON = "application/json";

    @Autowired
    ScheduleStore store;
    @Autowired
    TaskBodies bodies;
    @Autowired
    TaskSubmitter submitter;
    @Autowired
    TaskJson json;
    @Autowired
    ScheduleRunner runner;

    @BeforeEach
    void empty() {
        reset();
    }

    private Http.Response create(String body) {
        return http().post("/api/v1/schedules", body, JSON);
    }

    private long createScan(String cron) {
        Http.Response response = create("{\"cron\": \"" + cron + "\", \"task_type\": \"scan\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private void makeDue(long id, String ago) {
        jdbc.sql("UPDATE schedule SET next_fire_at = now() - CAST(:ago AS interval) WHERE id = :id")
                .param("ago", ago).param("id", id).update();
    }

    private long tasks() {
        return jdbc.sql("SELECT count(*) FROM task").query(Long.class).single();
    }

    private long schedules() {
        return jdbc.sql("SELECT count(*) FROM schedule").query(Long.class).single();
    }

    @Test
    void createReadListAndDelete() {
        Http.Response created = create("{\"cron\": \"0 0 3 * * *\", \"time_zone\": \"Europe/Berlin\","
                + " \"task_type\": \"analyze\", \"body\": {\"models\": [\"acoustic_features\"]}, \"enabled\": false}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/schedules/" + id);

        JsonNode one = http().get("/api/v1/schedules/" + id).json();
        assertThat(one.get("cron").asString()).isEqualTo("0 0 3 * * *");
        assertThat(one.get("time_zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(one.get("task_type").asString()).isEqualTo("analyze");
        assertThat(one.get("body").get("models").get(0).asString()).isEqualTo("acoustic_features");
        assertThat(one.get("enabled").asBoolean()).isFalse();
        assertThat(one.get("next_fire_at").isNull()).isFalse();
        assertThat(one.get("last_fired_at").isNull()).isTrue();
        assertThat(one.get("last_task_id").isNull()).isTrue();

        long other = createScan("0 */5 * * * *");
        JsonNode list = http().get("/api/v1/schedules").json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(list.get(1).get("id").asLong()).isEqualTo(other);
        // no time_zone: the server's
        assertThat(list.get(1).get("time_zone").asString()).isEqualTo(java.time.ZoneId.systemDefault().getId());

        assertThat(http().delete("/api/v1/schedules/" + id).status()).isEqualTo(204);
        assertThat(http().get("/api/v1/schedules/" + id).status()).isEqualTo(404);
        assertThat(http().delete("/api/v1/schedules/" + id).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/schedules").json()).hasSize(1);
    }

    @Test
    void anInvalidCronIs422WithTheParsersMessage() {
        String bad = "0 0 25 * * *";
        // the message Spring's own parser gives for this expression (not ours)
        String parserMessage = null;
        try {
            CronExpression.parse(bad);
        } catch (IllegalArgumentException e) {
            parserMessage = e.getMessage();
        }
        assertThat(parserMessage).isNotNull();
        Http.Response response = create("{\"cron\": \"" + bad + "\", \"task_type\": \"scan\"}");
        assertThat(response.status()).isEqualTo(422);
        List<String> messages = response.json().findValues("msg").stream().map(JsonNode::asString).toList();
        assertThat(messages).containsExactly("Invalid cron expression: " + parserMessage);
        assertThat(create("{\"cron\": \"every night\", \"task_type\": \"scan\"}").status()).isEqualTo(422);
        Http.Response never = create("{\"cron\": \"0 0 0 30 2 *\", \"task_type\": \"scan\"}");
        assertThat(never.status()).isEqualTo(422);
        assertThat(never.body()).contains("never fires");
        assertThat(schedules()).isZero();
    }

    @Test
    void unknownTaskTypeBadZoneAndBadBodiesAre422AndSaveNothing() {
        Http.Response type = create("{\"cron\": \"0 0 3 * * *\", \"task_type\": \"reindex\"}");
        assertThat(type.status()).isEqualTo(422);
        assertThat(type.body()).contains("Unknown task_type 'reindex'; valid: scan, analyze, vacuum, cluster");

        Http.Response zone = create("{\"cron\": \"0 0 3 * * *\", \"time_zone\": \"Mars/Olympus\","
                + " \"task_type\": \"scan\"}");
        assertThat(zone.status()).isEqualTo(422);
        assertThat(zone.body()).contains("Invalid time zone").contains("Mars/Olympus");

        // the analyze endpoint's own check, named under the schedule's body
        Http.Response analyze = create("{\"cron\": \"0 0 3 * * *\", \"task_type\": \"analyze\","
                + " \"body\": {\"models\": [\"nope\"]}}");
        assertThat(analyze.status()).isEqualTo(422);
        assertThat(analyze.body()).contains("Unknown model 'nope'").contains("[\"body\",\"body\",\"models\",0]");
        assertThat(http().post("/api/v1/batch/analyze/run", "{\"models\": [\"nope\"]}", JSON).body())
                .contains("Unknown model 'nope'");

        // the clustering endpoint's own checks
        songWithVector("acoustic_features");
        Http.Response cluster = create("{\"cron\": \"0 0 3 * * *\", \"task_type\": \"cluster\","
                + " \"body\": {\"runs\": 0, \"methd\": \"gmm\"}}");
        assertThat(cluster.status()).isEqualTo(422);
        assertThat(cluster.body()).contains("runs must be an integer in the range 1–10000")
                .contains("Unknown parameter methd");

        Http.Response scan = create("{\"cron\": \"0 0 3 * * *\", \"task_type\": \"scan\", \"body\": {\"x\": 1}}");
        assertThat(scan.status()).isEqualTo(422);
        assertThat(scan.body()).contains("A scan task takes no body");

        Http.Response missing = create("{\"task_type\": \"scan\", \"crn\": \"0 0 3 * * *\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("Field required").contains("Unknown field crn");

        assertThat(schedules()).isZero();
        assertThat(tasks()).isZero();
    }

    @Test
    void nextFireAtFollowsTheCronInItsZoneAndAdvancesWhenFired() {
        // 02:30 in Kolkata (UTC+05:30 all year, no daylight saving) is 21:00 UTC: worked out by hand, not by the code
        Http.Response created = create("{\"cron\": \"0 30 2 * * *\", \"time_zone\": \"Asia/Kolkata\","
                + " \"task_type\": \"vacuum\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Instant first = Instant.parse(created.json().get("next_fire_at").asString());
        assertUtc2100WithinADay(first);

        makeDue(id, "1 second");
        assertThat(runner.tick()).isEqualTo(1);
        JsonNode fired = http().get("/api/v1/schedules/" + id).json();
        Instant next = Instant.parse(fired.get("next_fire_at").asString());
        assertUtc2100WithinADay(next);
        assertThat(Duration.between(Instant.parse(fired.get("last_fired_at").asString()), Instant.now()))
                .isLessThan(Duration.ofMinutes(1));
        assertThat(fired.get("last_result").asString()).isEqualTo("PENDING");
        String taskId = fired.get("last_task_id").asString();
        JsonNode task = http().get("/api/v1/tasks/" + taskId).json();
        assertThat(task.get("name").asString()).isEqualTo("Library Vacuum");
    }

    private static void assertUtc2100WithinADay(Instant t) {
        var utc = t.atOffset(ZoneOffset.UTC);
        assertThat(utc.getHour()).isEqualTo(21);
        assertThat(utc.getMinute()).isZero();
        assertThat(utc.getSecond()).isZero();
        assertThat(t).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(1)));
    }

    @Test
    void slotsMissedWhileNoApiRanFireOnce() {
        long id = createScan("0 * * * * *"); // every minute: three days down missed 4,320 slots
        makeDue(id, "3 days");
        assertThat(runner.tick()).isEqualTo(1);
        assertThat(runner.tick()).isZero();
        assertThat(tasks()).isEqualTo(1);
        Instant next = store.find(id).orElseThrow().nextFireAt();
        assertThat(next).isAfter(Instant.now()).isBeforeOrEqualTo(Instant.now().plusSeconds(60));
    }

    @Test
    void aDueSlotFiresOnceWhenTwoApiInstancesRace() throws Exception {
        int schedules = 6;
        int rounds = 15;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < schedules; i++) {
            ids.add(createScan("0 0 3 * * *"));
        }
        // two instances' runners: the same code and database, separate objects and threads
        ScheduleRunner a = new ScheduleRunner(store, bodies, submitter, json);
        ScheduleRunner b = new ScheduleRunner(store, bodies, submitter, json);
        CyclicBarrier start = new CyclicBarrier(2);
        int firedByA = 0;
        int firedByB = 0;
        for (int round = 0; round < rounds; round++) {
            ids.forEach(id -> makeDue(id, "1 second"));
            CompletableFuture<Integer> fa = CompletableFuture.supplyAsync(() -> race(start, a));
            CompletableFuture<Integer> fb = CompletableFuture.supplyAsync(() -> race(start, b));
            firedByA += fa.get();
            firedByB += fb.get();
        }
        // the first firing of each round is PENDING, the rest SKIPPED (a scan is active): each is one task row
        assertThat(tasks()).isEqualTo((long) schedules * rounds);
        assertThat(firedByA + firedByB).isEqualTo(schedules * rounds);
        System.out.printf("race: %d slots, fired by A %d, by B %d%n", schedules * rounds, firedByA, firedByB);
    }

    private static int race(CyclicBarrier start, ScheduleRunner runner) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return runner.tick();
    }

    @Test
    void ofTwoInstancesThatReadTheSameDueRowOnlyOneClaimsIt() {
        long id = createScan("0 0 3 * * *");
        makeDue(id, "1 minute");
        // both read before either claims: the interleaving that makes a naive "UPDATE ... WHERE id" fire twice
        Schedule seenByA = store.due(10).getFirst();
        Schedule seenByB = store.due(10).getFirst();
        Instant next = seenByA.times().next(Instant.now());
        assertThat(store.claim(id, seenByA.nextFireAt(), next)).isTrue();
        assertThat(store.claim(id, seenByB.nextFireAt(), next)).isFalse();
    }

    @Test
    void aFiringWhileOneOfTheTypeRunsRecordsSkipped() {
        long id = createScan("0 0 3 * * *");
        makeDue(id, "1 second");
        runner.tick();
        String firstTask = store.find(id).orElseThrow().lastTaskId().toString();
        makeDue(id, "1 second");
        runner.tick();
        JsonNode view = http().get("/api/v1/schedules/" + id).json();
        assertThat(view.get("last_result").asString()).isEqualTo("SKIPPED");
        assertThat(view.get("last_message").asString()).contains(firstTask).contains("already PENDING");
        assertThat(view.get("last_task_id").asString()).isNotEqualTo(firstTask);
    }

    @Test
    void aDeletedOrDisabledScheduleNoLongerFires() {
        long deleted = createScan("0 0 3 * * *");
        makeDue(deleted, "1 second");
        assertThat(http().delete("/api/v1/schedules/" + deleted).status()).isEqualTo(204);
        Http.Response disabled = create("{\"cron\": \"0 0 3 * * *\", \"task_type\": \"scan\", \"enabled\": false}");
        makeDue(disabled.json().get("id").asLong(), "1 second");
        assertThat(runner.tick()).isZero();
        assertThat(tasks()).isZero();
    }

    @Test
    void aClusterBodyTheLibraryNoLongerAcceptsRecordsAnErrorAndStartsNothing() {
        songWithVector("acoustic_features");
        Http.Response created = create("{\"cron\": \"0 0 3 * * *\", \"task_type\": \"cluster\","
                + " \"body\": {\"runs\": 5, \"seed\": 7}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        jdbc.sql("DELETE FROM embedding").update();
        makeDue(id, "1 second");
        assertThat(runner.tick()).isEqualTo(1);
        Schedule after = store.find(id).orElseThrow();
        assertThat(after.lastResult()).isEqualTo("ERROR");
        assertThat(after.lastMessage()).contains("No model has vectors yet");
        assertThat(tasks()).isZero();
        assertThat(after.nextFireAt()).isAfter(Instant.now());
    }

    @Test
    void aFiredClusterScheduleSubmitsTheEndpointsParameters() {
        songWithVector("acoustic_features");
        long id = create("{\"cron\": \"0 0 3 * * *\", \"task_type\": \"cluster\", \"body\": {\"runs\": 5,"
                + " \"seed\": 7}}").json().get("id").asLong();
        makeDue(id, "1 second");
        runner.tick();
        UUID task = store.find(id).orElseThrow().lastTaskId();
        JsonNode parameters = json.object(jdbc.sql("SELECT parameters::text FROM task WHERE id = :id")
                .param("id", task).query(String.class).single());
        assertThat(parameters.get("model").asString()).isEqualTo("acoustic_features");
        assertThat(parameters.get("runs").asInt()).isEqualTo(5);
        assertThat(parameters.get("seed").asLong()).isEqualTo(7);
    }

    @Test
    void theTickerFiresDueSchedulesOnItsOwn() throws Exception {
        long id = createScan("0 0 3 * * *");
        makeDue(id, "1 second");
        ScheduleTicker ticker = new ScheduleTicker(runner, new ScheduleProperties(Duration.ofMillis(50)));
        ticker.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.find(id).orElseThrow().lastTaskId() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            ticker.stop();
        }
        assertThat(store.find(id).orElseThrow().lastTaskId()).isNotNull();
        assertThat(tasks()).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheScheduleEndpoints() {
        JsonNode paths = http().get("/v3/api-docs").json().get("paths");
        assertThat(paths.get("/api/v1/schedules").propertyNames()).contains("get", "post");
        assertThat(paths.get("/api/v1/schedules/{id}").propertyNames()).contains("get", "delete");
        String post = paths.get("/api/v1/schedules").get("post").get("description").asString();
        assertThat(post).contains("cron").contains("time_zone").contains("task_type").contains("fires once")
                .contains("missed");
    }

    private void songWithVector(String model) {
        long song = jdbc.sql("INSERT INTO song (path, file_size, file_mtime) VALUES (:p, 1, now()) RETURNING id")
                .param("p", "a/" + UUID.randomUUID() + ".flac").query(Long.class).single();
        jdbc.sql("INSERT INTO embedding (song_id, model, kind, dim, data, model_version) VALUES (:id, :m, 'search',"
                + " 2, :data, 'v1')").param("id", song).param("m", model)
                .param("data", VectorCodec.encode(new float[] {1, 0})).update();
    }
}
