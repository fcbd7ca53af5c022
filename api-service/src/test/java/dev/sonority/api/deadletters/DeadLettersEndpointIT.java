package dev.sonority.api.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeadLettersEndpointIT extends ApiIntegrationTest {

    @BeforeEach
    void empty() {
        reset();
    }

    @Test
    void listsDeadLettersNewestFirstWithPaging() {
        UUID task = UUID.randomUUID();
        letter("sonority.jobs.scan", "{\"taskId\":\"x\"}", null, 300);
        letter("sonority.work.analyze", "{\"songIds\":[1,2]}", task, 200);
        letter("sonority.jobs.vacuum", "not json", null, 100);

        JsonNode all = http().get("/api/v1/dead-letters").json();
        assertThat(all.propertyNames()).containsExactly("dead_letters", "total", "limit", "offset");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("dead_letters").valueStream().map(d -> d.get("queue").asString()))
                .containsExactly("sonority.jobs.vacuum", "sonority.work.analyze", "sonority.jobs.scan");
        JsonNode second = all.get("dead_letters").get(1);
        assertThat(second.propertyNames()).containsExactly("id", "queue", "routing_key", "task_id", "payload", "error",
                "attempts", "created_at");
        assertThat(second.get("task_id").asString()).isEqualTo(task.toString());
        assertThat(second.get("payload").asString()).isEqualTo("{\"songIds\":[1,2]}");
        assertThat(second.get("error").asString()).isEqualTo("decode failed");
        assertThat(second.get("attempts").asInt()).isEqualTo(3);

        JsonNode page = http().get("//api/v1/dead-letters?limit=2&offset=2").json();
        assertThat(page.get("dead_letters").size()).isEqualTo(1);
        assertThat(page.get("dead_letters").get(0).get("queue").asString()).isEqualTo("sonority.jobs.scan");
        assertThat(http().get("/api/v1/dead-letters?limit=501").status()).isEqualTo(422);
    }

    private void letter(String queue, String payload, UUID task, int ageSeconds) {
        jdbc.sql("""
                INSERT INTO dead_letter (queue, routing_key, task_id, payload, error, attempts, created_at)
                VALUES (:queue, 'rk', :task, :payload, 'decode failed', 3, now() - make_interval(secs => :age))""")
                .param("queue", queue).param("task", task).param("payload", payload).param("age", ageSeconds)
                .update();
    }
}
