package dev.sonority.api.schedules;

import dev.sonority.api.tasks.StoredTask;
import dev.sonority.api.tasks.TaskJson;
import dev.sonority.api.tasks.TaskSubmitter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One look at the due schedules: each is claimed ({@link ScheduleStore#claim}) and, by the one instance whose
 * claim succeeded, submitted through {@link TaskSubmitter} (a task of the type already running gives a SKIPPED
 * task, recorded as the schedule's last result). The claim moves next_fire_at to the cron's first time after
 * now, so slots missed while no API ran fire once, not once each. The claim commits before the submit: an
 * instance that dies between the two loses that one firing (at most once, never twice).
 */
@Component
public class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    /** Schedules fired per look; more wait for the next tick. */
    private static final int BATCH = 100;

    private final ScheduleStore store;
    private final TaskBodies bodies;
    private final TaskSubmitter submitter;
    private final TaskJson json;
    private final Clock clock = Clock.systemUTC();

    ScheduleRunner(ScheduleStore store, TaskBodies bodies, TaskSubmitter submitter, TaskJson json) {
        this.store = store;
        this.bodies = bodies;
        this.submitter = submitter;
        this.json = json;
    }

    /** Fires what is due; returns how many schedules this call fired (claimed and submitted or failed). */
    public int tick() {
        int fired = 0;
        for (Schedule schedule : store.due(BATCH)) {
            Instant next = schedule.times().next(clock.instant());
            if (store.claim(schedule.id(), schedule.nextFireAt(), next)) {
                fire(schedule);
                fired++;
            }
        }
        return fired;
    }

    private void fire(Schedule schedule) {
        try {
            Map<String, Object> parameters = bodies.parameters(schedule.task(), json.object(schedule.body()));
            StoredTask task = submitter.submit(schedule.task().taskType(), parameters);
            store.recordResult(schedule.id(), task.id(), task.status().name(), task.message());
        } catch (RuntimeException e) {
            // a body the library no longer accepts (a model lost its vectors) or a broker that refused the job:
            // the schedule stays, its last result says why this firing started nothing
            log.warn("Schedule {} ({} {}) started no task: {}", schedule.id(), schedule.task().apiName(),
                    schedule.cron(), e.getMessage());
            store.recordResult(schedule.id(), null, "ERROR", e.getMessage());
        }
    }
}
