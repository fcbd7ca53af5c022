package dev.sonority.api.schedules;

import dev.sonority.api.tasks.TaskJson;
import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Creates, lists and deletes cron schedules of tasks; {@link ScheduleRunner} fires them. */
@RestController
@Tag(name = "Schedules", description = "Cron schedules of scan, analyze, vacuum and cluster tasks (admin to change)")
public class SchedulesController {

    static final String BODY_DOC = """
            - `cron` (required): a Spring cron expression of six fields, second minute hour day-of-month month
              day-of-week (`0 0 3 * * *` is every day at 03:00; macros such as `@daily` work too). An invalid one is
              a 422 with the parser's message; one that never fires (`0 0 0 30 2 *`) is a 422 too.
            - `time_zone`: the IANA zone the cron is read in (default: the server's); daylight saving follows it.
            - `task_type` (required): `scan`, `analyze`, `vacuum` or `cluster`.
            - `body`: the task's request body, checked as its own endpoint checks it (analyze: `{"models": [...]}`
              as POST /api/v1/batch/analyze/run; cluster: every parameter of POST /api/v1/clustering/run; scan and
              vacuum take none). It is checked again at each firing (a cluster body without `seed` gets a new one
              each time); if the library no longer accepts it, that firing starts nothing and `last_result` is
              ERROR with the reason.
            - `enabled` (default true): a disabled schedule is kept but never fires.
            Unknown fields are a 422.""";

    private final ScheduleStore store;
    private final TaskBodies bodies;
    private final TaskJson json;
    private final Clock clock = Clock.systemUTC();

    public SchedulesController(ScheduleStore store, TaskBodies bodies, TaskJson json) {
        this.store = store;
        this.bodies = bodies;
        this.json = json;
    }

    @PostMapping("/api/v1/schedules")
    @Operation(summary = "Create a schedule", description = BODY_DOC + """


            201 with the schedule and its `next_fire_at`. Each due time fires once however many API instances run
            (they claim it in the database); a time missed while no API ran fires once at the next start, not once
            per missed time. A firing while a task of the type runs records a SKIPPED task as `last_result`.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(examples = @ExampleObject("{\"cron\": \"0 0 3 * * *\", \"time_zone\":"
                            + " \"Europe/Berlin\", \"task_type\": \"cluster\", \"body\": {\"runs\": 500}}"))))
    public ResponseEntity<ScheduleView> create(@RequestBody(required = false) JsonNode request) {
        NewSchedule schedule = NewSchedule.parse(request, ZoneId.systemDefault());
        bodies.parameters(schedule.task(), schedule.body());
        Instant next = CronTimes.of(schedule.cron(), schedule.timeZone()).next(clock.instant());
        if (next == null) {
            throw new ValidationException(Violation.of("The cron expression " + schedule.cron() + " never fires",
                    "value_error.cron", "body", "cron"));
        }
        JsonNode body = schedule.body();
        String bodyJson = body == null || body.isNull() ? null : json.write(body);
        long id = store.insert(schedule, bodyJson, next);
        return ResponseEntity.created(URI.create("/api/v1/schedules/" + id)).body(view(find(id)));
    }

    @GetMapping("/api/v1/schedules")
    @Operation(summary = "List schedules", description = "Every schedule by id, with its next and last firing and"
            + " the last task it started (`last_task_id`, `last_result`: PENDING, SKIPPED or ERROR, `last_message`).")
    public List<ScheduleView> list() {
        return store.list().stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/schedules/{id}")
    @Operation(summary = "Read a schedule", description = "404 if unknown.")
    public ScheduleView get(@Parameter(description = "the schedule's id") @PathVariable long id) {
        return view(find(id));
    }

    @DeleteMapping("/api/v1/schedules/{id}")
    @Operation(summary = "Delete a schedule", description = "204; it fires no more (a task it already started"
            + " runs on). 404 for an unknown id.")
    public ResponseEntity<Void> delete(@Parameter(description = "the schedule's id") @PathVariable long id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private Schedule find(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("No schedule " + id);
    }

    private ScheduleView view(Schedule s) {
        return ScheduleView.of(s, s.body() == null ? null : json.object(s.body()));
    }
}
