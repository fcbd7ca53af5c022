package dev.sonority.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.Http;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TasksEndpointsIT extends TaskTestSupport {

    @Test
    void listsTopLevelTasksNewestFirstWithFiltersAndPaging() {
        UUID scan = insertTask("SCAN", "SUCCESS");
        UUID vacuum = insertTask("VACUUM", "FAILURE");
        UUID analyze = insertTask("ANALYZE", "RUNNING");
        age(scan, 30);
        age(vacuum, 20);
        age(analyze, 10);
        jdbc.sql("INSERT INTO task (id, type, name, status, parent_id) VALUES (:id, 'ANALYZE', 'child', 'PENDING', :p)")
                .param("id", UUID.randomUUID()).param("p", analyze).update();
        jdbc.sql("UPDATE task SET parameters = '{\"models\": [\"clap\"]}', total_count = 7, processed_count = 3 WHERE id = :id")
                .param("id", analyze).update();

        JsonNode all = http().get("/api/v1/tasks").json();
        assertThat(all.propertyNames()).containsExactly("tasks", "total", "limit", "offset");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("limit").asInt()).isEqualTo(50);
        assertThat(ids(all)).containsExactly(analyze.toString(), vacuum.toString(), scan.toString());
        JsonNode first = all.get("tasks").get(0);
        assertThat(first.propertyNames()).containsExactly("id", "type", "name", "status", "progress",
                "elapsed_time", "message", "error", "details", "parameters", "total_count", "processed_count",
                "failed_count", "cancel_requested", "created_at", "started_at", "updated_at", "finished_at");
        assertThat(first.get("type").asString()).isEqualTo("analyze");
        assertThat(first.get("parameters").get("models").get(0).asString()).isEqualTo("clap");
        assertThat(first.get("total_count").asInt()).isEqualTo(7);
        assertThat(first.get("processed_count").asInt()).isEqualTo(3);

        assertThat(ids(http().get("/api/v1/tasks?status=RUNNING").json())).containsExactly(analyze.toString());
        assertThat(ids(http().get("/api/v1/tasks?status=SUCCESS,failure").json()))
                .containsExactly(vacuum.toString(), scan.toString());
        assertThat(ids(http().get("/api/v1/tasks?status=SUCCESS&status=RUNNING").json()))
                .containsExactly(analyze.toString(), scan.toString());
        assertThat(ids(http().get("/api/v1/tasks?type=scan").json())).containsExactly(scan.toString());
        assertThat(ids(http().get("/api/v1/tasks?type=vacuum&status=RUNNING").json())).isEmpty();
        JsonNode page = http().get("//api/v1/tasks?limit=1&offset=1").json();
        assertThat(ids(page)).containsExactly(vacuum.toString());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("offset").asLong()).isEqualTo(1);
    }

    @Test
    void badListParametersAreProblemDetails() {
        for (String query : new String[] {"status=DONE", "type=index", "limit=0", "limit=501", "offset=-1",
                "limit=abc"}) {
            Http.Response response = http().get("/api/v1/tasks?" + query);
            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("status").asInt()).isEqualTo(422);
            assertThat(problem.get("errors").get(0).get("loc").get(0).asString()).isEqualTo("query");
            assertThat(problem.get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void cancellingAPendingTaskCancelsItAndFreesItsType() {
        String id = http().post("/api/v1/batch/scan/run").json().get("id").asString();
        Http.Response response = http().post("/api/v1/tasks/" + id + "/cancel");
        assertThat(response.status()).isEqualTo(200);
        JsonNode task = response.json();
        assertThat(task.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(task.get("cancel_requested").asBoolean()).isTrue();
        assertThat(task.get("finished_at").isNull()).isFalse();
        assertThat(http().get("/api/v1/batch/tasks/" + id).json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(http().post("/api/v1/batch/scan/run").json().get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void cancellingARunningTaskAsksTheWorker() {
        UUID id = insertTask("ANALYZE", "RUNNING");
        Http.Response response = http().post("//api/v1/tasks/" + id + "/cancel");
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo("RUNNING");
        assertThat(response.json().get("cancel_requested").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT cancel_requested FROM task WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void cancelOfAFinishedUnknownOrMalformedTaskIsAProblem() {
        UUID done = insertTask("VACUUM", "SUCCESS");
        Http.Response finished = http().post("/api/v1/tasks/" + done + "/cancel");
        assertThat(finished.status()).isEqualTo(409);
        assertThat(finished.contentType()).startsWith("application/problem+json");
        assertThat(finished.json().get("detail").asString()).contains("SUCCESS");

        Http.Response unknown = http().post("/api/v1/tasks/" + UUID.randomUUID() + "/cancel");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Task not found");
        assertThat(unknown.json().get("title").asString()).isEqualTo("Not Found");

        Http.Response malformed = http().post("/api/v1/tasks/nope/cancel");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().get("errors").get(0).get("loc").toString()).isEqualTo("[\"path\",\"task_id\"]");

        assertThat(http().get("/api/v1/tasks/" + done).json().get("type").asString()).isEqualTo("vacuum");
        assertThat(http().get("/api/v1/tasks/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/tasks/" + done + "/cancel").status()).isEqualTo(405);
    }

    private void age(UUID id, int seconds) {
        jdbc.sql("UPDATE task SET created_at = now() - make_interval(secs => :s) WHERE id = :id")
                .param("s", seconds).param("id", id).update();
    }

    private static List<String> ids(JsonNode list) {
        return list.get("tasks").valueStream().map(t -> t.get("id").asString()).toList();
    }
}
