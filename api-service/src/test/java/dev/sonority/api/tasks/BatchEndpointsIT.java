package dev.sonority.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.Http;
import dev.sonority.model.job.JobRequest;
import dev.sonority.model.task.TaskType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import tools.jackson.databind.JsonNode;

class BatchEndpointsIT extends TaskTestSupport {

    private static final List<String> TASK_RESULT_FIELDS = List.of("id", "name", "status", "progress",
            "elapsed_time", "message", "traceback", "details", "created_at", "updated_at");

    @Test
    void scanCreatesAPendingTaskAndPublishesItsJobRequest() {
        Http.Response response = http().post("/api/v1/batch/scan/run");
        assertThat(response.status()).isEqualTo(200);
        JsonNode task = response.json();
        assertThat(task.propertyNames()).containsExactlyElementsOf(TASK_RESULT_FIELDS);
        UUID id = UUID.fromString(task.get("id").asString());
        assertThat(task.get("name").asString()).isEqualTo("Library Scan");
        assertThat(task.get("status").asString()).isEqualTo("PENDING");
        assertThat(task.get("progress").asInt()).isZero();
        assertThat(task.get("elapsed_time").isNull()).isTrue();
        assertThat(task.get("message").isNull()).isTrue();
        assertThat(task.get("traceback").isNull()).isTrue();
        assertThat(task.get("details").isNull()).isTrue();
        Instant created = Instant.parse(task.get("created_at").asString());
        assertThat(created).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        Instant.parse(task.get("updated_at").asString());

        Message message = receive(TaskType.SCAN, 10_000);
        assertThat(message).isNotNull();
        assertThat(message.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"taskId\":\"" + id + "\",\"type\":\"SCAN\"}");
        assertThat(rabbit.getMessageConverter().fromMessage(message)).isEqualTo(new JobRequest(id, TaskType.SCAN));

        assertThat(jdbc.sql("SELECT status || ' ' || name || ' ' || (parent_id IS NULL) FROM task WHERE id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("PENDING Library Scan true");
    }

    @Test
    void aSecondScanWhileOneIsActiveIsSkippedAndNotPublished() {
        String first = http().post("/api/v1/batch/scan/run").json().get("id").asString();
        Http.Response second = http().post("/api/v1/batch/scan/run");
        assertThat(second.status()).isEqualTo(200);
        JsonNode skipped = second.json();
        assertThat(skipped.get("status").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.get("id").asString()).isNotEqualTo(first);
        assertThat(skipped.get("message").asString()).contains(first).contains("PENDING");
        assertThat(skipped.get("details").get("active_task_id").asString()).isEqualTo(first);

        assertThat(receiveRequest(TaskType.SCAN).taskId()).hasToString(first);
        assertThat(receive(TaskType.SCAN, 500)).isNull();
        // a RUNNING one blocks as well; another type does not
        jdbc.sql("UPDATE task SET status = 'RUNNING', started_at = now() WHERE id = :id")
                .param("id", UUID.fromString(first)).update();
        assertThat(http().post("/api/v1/batch/scan/run").json().get("status").asString()).isEqualTo("SKIPPED");
        assertThat(http().post("/api/v1/batch/vacuum/run").json().get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void concurrentRequestsStartExactlyOneTask() throws Exception {
        int clients = 6;
        List<Thread> threads = new java.util.ArrayList<>();
        List<JsonNode> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.startVirtualThread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                results.add(http().post("/api/v1/batch/analyze/run").json());
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(results).hasSize(clients);
        List<JsonNode> pending = results.stream().filter(r -> r.get("status").asString().equals("PENDING")).toList();
        assertThat(pending).hasSize(1);
        String winner = pending.getFirst().get("id").asString();
        assertThat(results).filteredOn(r -> r.get("status").asString().equals("SKIPPED")).hasSize(clients - 1)
                .allSatisfy(r -> assertThat(r.get("message").asString()).contains(winner));
        assertThat(receiveRequest(TaskType.ANALYZE).taskId()).hasToString(winner);
        assertThat(receive(TaskType.ANALYZE, 500)).isNull();
    }

    @Test
    void vacuumIsPublishedOnItsOwnQueue() {
        JsonNode task = http().post("/api/v1/batch/vacuum/run").json();
        assertThat(task.get("name").asString()).isEqualTo("Library Vacuum");
        assertThat(receiveRequest(TaskType.VACUUM))
                .isEqualTo(new JobRequest(UUID.fromString(task.get("id").asString()), TaskType.VACUUM));
    }

    @Test
    void revectoriseIsPublishedOnItsOwnQueue() {
        JsonNode task = http().post("/api/v1/batch/revectorise/run").json();
        assertThat(task.get("name").asString()).isEqualTo("Re-vectorise Acoustic Features");
        assertThat(task.get("status").asString()).isEqualTo("PENDING");
        assertThat(receiveRequest(TaskType.REVECTORISE))
                .isEqualTo(new JobRequest(UUID.fromString(task.get("id").asString()), TaskType.REVECTORISE));
    }

    @Test
    void analyzeWithoutBodyLeavesTheModelsToTheWorker() {
        // no models named: the worker analyses with every model installed when the task runs
        JsonNode task = http().post("/api/v1/batch/analyze/run").json();
        assertThat(task.get("name").asString()).isEqualTo("Analyze Songs");
        assertThat(parameters(task)).isEqualTo("{}");
        assertThat(receiveRequest(TaskType.ANALYZE).taskId()).hasToString(task.get("id").asString());
    }

    @Test
    void analyzeWithModelsKeepsThemInTheParameters() {
        Http.Response response = http().post("/api/v1/batch/analyze/run", "{\"models\": [\"muq\", \"muq_mulan\", \"muq\"]}",
                "application/json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(parameters(response.json())).isEqualTo("{\"models\": [\"muq\", \"muq_mulan\"]}");
        assertThat(http().post("/api/v1/batch/analyze/run", "{}", "application/json").json().get("status")
                .asString()).isEqualTo("SKIPPED");
    }

    @Test
    void unknownAndTextOnlyModelsAre422NamingTheValidOnes() {
        Http.Response unknown = http().post("/api/v1/batch/analyze/run", "{\"models\": [\"clap\", \"wav2vec\"]}",
                "application/json");
        assertThat(unknown.status()).isEqualTo(422);
        JsonNode error = unknown.json().get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"models\",1]");
        assertThat(error.get("type").asString()).isEqualTo("enum");
        assertThat(error.get("msg").asString()).contains("wav2vec")
                .contains("acoustic_features, musicnn, clap, mert, muq, muq_mulan").doesNotContain("text_minilm,");

        Http.Response text = http().post("/api/v1/batch/analyze/run", "{\"models\": [\"text_minilm\"]}",
                "application/json");
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.json().get("detail").get(0).get("msg").asString()).contains("text only");

        assertThat(http().post("/api/v1/batch/analyze/run", "{\"models\": []}", "application/json").status())
                .isEqualTo(422);
        Http.Response malformed = http().post("/api/v1/batch/analyze/run", "{\"models\": [", "application/json");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\"]");
        Http.Response wrongType = http().post("/api/v1/batch/analyze/run", "{\"models\": \"clap\"}",
                "application/json");
        assertThat(wrongType.status()).isEqualTo(422);

        assertThat(jdbc.sql("SELECT count(*) FROM task").query(Long.class).single()).isZero();
        assertThat(receive(TaskType.ANALYZE, 300)).isNull();
    }

    @Test
    void reindexIsPublishedOnItsOwnQueueWithTheNamedModelsOrNone() {
        JsonNode all = http().post("/api/v1/batch/reindex/run").json();
        assertThat(all.get("name").asString()).isEqualTo("Vector Reindex");
        assertThat(all.get("status").asString()).isEqualTo("PENDING");
        assertThat(parameters(all)).isEqualTo("{}");
        assertThat(receiveRequest(TaskType.REINDEX))
                .isEqualTo(new JobRequest(UUID.fromString(all.get("id").asString()), TaskType.REINDEX));
        jdbc.sql("UPDATE task SET status = 'SUCCESS' WHERE id = :id").param("id", UUID.fromString(all.get("id")
                .asString())).update();

        JsonNode some = http().post("/api/v1/batch/reindex/run", "{\"models\": [\"clap\", \"text_minilm\"]}",
                "application/json").json();
        assertThat(parameters(some)).isEqualTo("{\"models\": [\"clap\", \"text_minilm\"]}");
        assertThat(receiveRequest(TaskType.REINDEX).taskId()).hasToString(some.get("id").asString());

        Http.Response unknown = http().post("/api/v1/batch/reindex/run", "{\"models\": [\"wav2vec\"]}",
                "application/json");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").get(0).get("msg").asString()).contains("wav2vec").contains("text_minilm");
    }

    @Test
    void taskLookupAnswersTaskResultOr404Or422() {
        UUID id = insertTask("SCAN", "SUCCESS");
        jdbc.sql("""
                UPDATE task SET started_at = now() - interval '90 seconds', finished_at = now() - interval '48 seconds',
                       progress = 100, message = 'done', error = 'boom', details = '{"processed_count": 10, "total_count": 250}'
                WHERE id = :id""").param("id", id).update();
        for (String prefix : new String[] {"/api/v1", "//api/v1"}) {
            Http.Response response = http().get(prefix + "/batch/tasks/" + id);
            assertThat(response.status()).isEqualTo(200);
            JsonNode task = response.json();
            assertThat(task.propertyNames()).containsExactlyElementsOf(TASK_RESULT_FIELDS);
            assertThat(task.get("elapsed_time").asLong()).isEqualTo(42);
            assertThat(task.get("progress").asInt()).isEqualTo(100);
            assertThat(task.get("traceback").asString()).isEqualTo("boom");
            assertThat(task.get("details").get("total_count").asInt()).isEqualTo(250);
        }
        UUID running = insertTask("ANALYZE", "RUNNING");
        jdbc.sql("UPDATE task SET started_at = now() - interval '5 seconds' WHERE id = :id").param("id", running).update();
        assertThat(http().get("/api/v1/batch/tasks/" + running).json().get("elapsed_time").asLong()).isBetween(5L, 60L);

        Http.Response unknown = http().get("/api/v1/batch/tasks/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"detail\":\"Task not found\"}");
        for (String malformed : new String[] {"not-a-uuid", "1-1-1-1-1", "123"}) {
            Http.Response response = http().get("/api/v1/batch/tasks/" + malformed);
            assertThat(response.status()).as(malformed).isEqualTo(422);
            JsonNode error = response.json().get("detail").get(0);
            assertThat(error.get("loc").toString()).isEqualTo("[\"path\",\"task_id\"]");
            assertThat(error.get("type").asString()).isEqualTo("uuid_parsing");
        }
        assertThat(http().get("/api/v1/batch/tasks/" + id.toString().replace("-", "")).status()).isEqualTo(200);
    }

    @Test
    void solaMpdStyleRequestsWithNoHeadersAndNoBodyWork() {
        Http.Response scan = http().bare("POST", "//api/v1/batch/scan/run");
        assertThat(scan.status()).isEqualTo(200);
        assertThat(scan.json().get("status").asString()).isEqualTo("PENDING");
        Http.Response analyze = http().bare("POST", "//api/v1/batch/analyze/run");
        assertThat(analyze.status()).isEqualTo(200);
        assertThat(parameters(analyze.json())).as("every installed model").isEqualTo("{}");
        assertThat(http().bare("POST", "/api/v1/batch/vacuum/run").status()).isEqualTo(200);
        Http.Response stats = http().bare("GET", "//api/v1/stats");
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("pending_tasks").asLong()).isEqualTo(3);
    }

    private String parameters(JsonNode task) {
        return jdbc.sql("SELECT parameters::text FROM task WHERE id = :id")
                .param("id", UUID.fromString(task.get("id").asString())).query(String.class).single();
    }
}
