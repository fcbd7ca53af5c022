package dev.sonority.worker.qdrant;

import dev.sonority.model.task.TaskType;
import dev.sonority.model.vector.qdrant.QdrantCollections;
import dev.sonority.model.vector.qdrant.QdrantSettings;
import dev.sonority.model.vector.qdrant.QdrantVectorSink;
import dev.sonority.model.vector.store.VectorPoint;
import dev.sonority.model.vector.store.VectorStoreKind;
import dev.sonority.model.vector.store.VectorStoreProperties;
import dev.sonority.model.vector.store.VectorStoreUnavailableException;
import dev.sonority.worker.jobs.Job;
import dev.sonority.worker.jobs.JobContext;
import dev.sonority.worker.jobs.JobFailedException;
import dev.sonority.worker.jobs.JobOutcome;
import dev.sonority.worker.tasks.ProgressSnapshot;
import dev.sonority.worker.tasks.TaskStore.TaskRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds Qdrant from PostgreSQL ({@code POST /api/v1/batch/reindex/run}, optional body
 * {@code {"models":[...]}}; default every model with search vectors): per model it recreates the collection
 * when the vector size changed, upserts every stored vector in song order, {@link #PAGE} at a time, then
 * deletes the points of songs PostgreSQL no longer has. Searches keep working meanwhile (points are replaced
 * in place). Progress counts vectors; a cancellation stops it between pages; running it again is harmless.
 */
@Component
class ReindexJob implements Job {

    /** Vectors read from PostgreSQL and written to Qdrant per step (and per cancellation check). */
    static final int PAGE = 512;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SearchPointRows rows;
    private final QdrantOutbox outbox;
    private final ObjectProvider<QdrantVectorSink> sink;
    private final VectorStoreKind kind;
    private final ObjectProvider<QdrantSettings> qdrant;

    /** {@code qdrant}: present only with VECTOR_STORE=qdrant, like the sink; named in the failure message. */
    ReindexJob(SearchPointRows rows, QdrantOutbox outbox, ObjectProvider<QdrantVectorSink> sink,
            VectorStoreProperties vectorStore, ObjectProvider<QdrantSettings> qdrant) {
        this.rows = rows;
        this.outbox = outbox;
        this.sink = sink;
        this.kind = vectorStore.kind();
        this.qdrant = qdrant;
    }

    @Override
    public TaskType type() {
        return TaskType.REINDEX;
    }

    @Override
    public JobOutcome run(TaskRow task, JobContext context) {
        if (kind != VectorStoreKind.QDRANT) {
            throw new JobFailedException("Nothing to reindex: VECTOR_STORE is '" + kind.name().toLowerCase(java.util.Locale.ROOT) + "', not qdrant (the"
                    + " embedded index loads itself from PostgreSQL). Set VECTOR_STORE=qdrant for api-service and"
                    + " batch-worker to use Qdrant.");
        }
        QdrantVectorSink target = sink.getObject();
        List<String> models = requestedModels(task.parameters()).orElseGet(rows::models);
        Map<String, Integer> totals = new LinkedHashMap<>();
        models.forEach(model -> totals.put(model, rows.count(model)));
        int total = totals.values().stream().mapToInt(Integer::intValue).sum();
        Progress progress = new Progress(context, total);
        progress.report("Reindexing " + String.join(", ", models), true);
        int deleted = 0;
        try {
            for (String model : models) {
                deleted += reindex(model, target, progress);
            }
        } catch (VectorStoreUnavailableException e) {
            String where = qdrant.getIfAvailable() == null ? "" : " at " + qdrant.getObject().url();
            throw new JobFailedException("Qdrant" + where + " did not answer: " + e.getMessage() + ". The vectors"
                    + " are safe in PostgreSQL; run the reindex again when Qdrant is up (changes made meanwhile are"
                    + " written by the worker on its own).");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new JobFailedException("Reindex failed: " + e.getMessage());
        }
        String summary = "Wrote " + progress.done + " vectors of " + models.size() + " models to Qdrant"
                + (deleted > 0 ? ", deleted " + deleted + " points of songs no longer in the library" : "");
        return new JobOutcome.Done(ProgressSnapshot.of(progress.done, 0, total, summary)
                .withExtra(Map.of("models", models, "vectors_per_model", totals, "deleted_count", deleted)));
    }

    /** @return the number of stale points deleted */
    private int reindex(String model, QdrantVectorSink target, Progress progress) {
        Instant started = Instant.now();
        QdrantCollections collections = target.collections();
        Optional<Integer> dim = rows.dimension(model);
        if (dim.isEmpty()) { // PostgreSQL has no vectors of this model (any more): neither should Qdrant
            int stale = target.songIds(model).size();
            collections.drop(model);
            outbox.coveredBy(model, started);
            return stale;
        }
        Optional<Integer> existing = collections.dimension(model);
        if (existing.isPresent() && !existing.get().equals(dim.get())) {
            collections.recreate(model, dim.get()); // the model's output size changed: old points cannot stay
        }
        Set<Long> written = new HashSet<>();
        long after = 0;
        while (true) {
            List<VectorPoint> page = rows.page(model, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            target.upsert(model, page);
            page.forEach(p -> written.add(p.songId()));
            after = page.getLast().songId();
            progress.add(page.size(), model);
        }
        List<Long> stale = new ArrayList<>(target.songIds(model));
        stale.removeAll(written);
        for (int from = 0; from < stale.size(); from += PAGE) {
            target.delete(model, stale.subList(from, Math.min(stale.size(), from + PAGE)));
        }
        outbox.coveredBy(model, started); // changes noted before the start are in what was just written
        return stale.size();
    }

    private static Optional<List<String>> requestedModels(String parametersJson) {
        if (parametersJson == null || parametersJson.isBlank()) {
            return Optional.empty();
        }
        JsonNode models = JSON.readTree(parametersJson).path("models");
        if (!models.isArray() || models.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        models.forEach(m -> names.add(m.asString()));
        return Optional.of(names);
    }

    /** Counts written vectors and reports them (the context throttles writes and reports cancellation). */
    private static final class Progress {
        private final JobContext context;
        private final int total;
        private int done;

        Progress(JobContext context, int total) {
            this.context = context;
            this.total = total;
        }

        void add(int count, String model) {
            done += count;
            report("Reindexing " + model, false);
        }

        void report(String message, boolean now) {
            ProgressSnapshot snapshot = ProgressSnapshot.of(done, 0, total, message);
            if (now) {
                context.progressNow(snapshot);
            } else {
                context.progress(snapshot);
            }
        }
    }
}
