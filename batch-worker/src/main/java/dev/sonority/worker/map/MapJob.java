package dev.sonority.worker.map;

import dev.sonority.clustering.map.Layout;
import dev.sonority.clustering.map.MapProjection;
import dev.sonority.model.task.TaskType;
import dev.sonority.worker.jobs.Job;
import dev.sonority.worker.jobs.JobContext;
import dev.sonority.worker.jobs.JobFailedException;
import dev.sonority.worker.jobs.JobOutcome;
import dev.sonority.worker.tasks.ProgressSnapshot;
import dev.sonority.worker.tasks.TaskStore.TaskRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The MAP task: loads every search vector of the model, projects them ({@link MapProjection}) and replaces the
 * model's stored map. The projection is one call without progress of its own, so progress is 0 of the songs until
 * the map is written; a cancel is learned from the progress write just before the map would be stored, and then
 * the previous map stays. Idempotent: a redelivered task computes the same map from the same seed.
 */
@Component
class MapJob implements Job {

    private final SongMaps maps;

    MapJob(SongMaps maps) {
        this.maps = maps;
    }

    @Override
    public TaskType type() {
        return TaskType.MAP;
    }

    @Override
    public JobOutcome run(TaskRow task, JobContext context) {
        MapRequest request = MapRequest.parse(task.parameters() == null ? "{}" : task.parameters());
        SongMaps.Vectors vectors = maps.load(request.model());
        int n = vectors.songIds().length;
        if (n == 0) {
            throw new JobFailedException("No song has a " + request.model() + " vector: nothing to map");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", request.model());
        details.put("requested_method", request.method().apiName());
        details.put("seed", request.seed());
        details.put("songs", n);
        context.progressNow(ProgressSnapshot.of(0, 0, n, "Projecting " + n + " songs").withExtra(details));
        long started = System.nanoTime();
        Layout layout = MapProjection.project(vectors.vectors(), request.method(), request.seed());
        details.put("method", layout.method().apiName());
        details.put("projection_seconds", (System.nanoTime() - started) / 1e9);
        context.progressNow(ProgressSnapshot.of(0, 0, n, "Storing the map").withExtra(details));
        // microseconds: what PostgreSQL keeps, so the ETag made from it is the same after a round trip
        maps.replace(request.model(), vectors.songIds(), layout, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return new JobOutcome.Done(ProgressSnapshot.of(n, 0, n, "Mapped " + n + " songs with "
                + layout.method().apiName()).withExtra(details));
    }
}
