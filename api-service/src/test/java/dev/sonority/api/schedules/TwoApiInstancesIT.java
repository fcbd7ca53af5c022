package dev.sonority.api.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.SonorityApiApplication;
import dev.sonority.api.support.ApiIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two whole API applications on one database and broker, each with its own ticker looking every 20 ms: the shared
 * test context (its ticker started here) and a second Spring Boot application started beside it. Due times are
 * set again and again; each must give exactly one task (a firing while a scan is active is a SKIPPED task, still
 * one row), so a time fired by both instances shows as a task too many.
 */
class TwoApiInstancesIT extends ApiIntegrationTest {

    private static final Duration TICK = Duration.ofMillis(20);

    @Autowired
    ScheduleRunner runner;

    @Test
    void eachDueTimeFiresOnceWithTwoApiInstancesTicking() throws Exception {
        reset();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--sonority.schedules.tick=" + TICK.toMillis()
                + "ms", "--sonority.rate-limit.per-minute=0"));
        DB.register((name, value) -> args.add("--" + name + "=" + value.get()));
        MQ.register((name, value) -> args.add("--" + name + "=" + value.get()));
        int schedules = 4;
        int rounds = 8;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < schedules; i++) {
            ids.add(jdbc.sql("INSERT INTO schedule (cron, time_zone, task_type, next_fire_at)"
                    + " VALUES ('0 0 3 * * *', 'UTC', 'SCAN', now() + interval '1 day') RETURNING id")
                    .query(Long.class).single());
        }
        ScheduleTicker first = new ScheduleTicker(runner, new ScheduleProperties(TICK));
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SonorityApiApplication.class)
                .run(args.toArray(String[]::new))) {
            assertThat(second.getBean(ScheduleTicker.class).isRunning()).isTrue();
            first.start();
            for (int round = 1; round <= rounds; round++) {
                jdbc.sql("UPDATE schedule SET next_fire_at = now() - interval '1 second'").update();
                long expected = (long) schedules * round;
                waitFor(() -> tasks() >= expected && notDue() == schedules);
                Thread.sleep(5 * TICK.toMillis()); // several more looks by both: nothing more may fire
                assertThat(tasks()).as("round %d", round).isEqualTo(expected);
            }
        } finally {
            first.stop();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM schedule WHERE last_task_id IS NOT NULL").query(Long.class)
                .single()).isEqualTo(schedules);
    }

    private long tasks() {
        return jdbc.sql("SELECT count(*) FROM task").query(Long.class).single();
    }

    private long notDue() {
        return jdbc.sql("SELECT count(*) FROM schedule WHERE next_fire_at > now()").query(Long.class).single();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
