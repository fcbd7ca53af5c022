package dev.sonority.worker.cluster;

import dev.sonority.clustering.Library;
import dev.sonority.clustering.RunParameters;
import dev.sonority.clustering.playlists.ClusterPlaylist;
import dev.sonority.clustering.playlists.PostProcessor;
import dev.sonority.clustering.search.BatchRunner;
import dev.sonority.clustering.search.RunOutcome;
import dev.sonority.clustering.search.SearchSettings;
import dev.sonority.clustering.search.SearchSpace;
import dev.sonority.clustering.search.SearchState;
import dev.sonority.model.job.JobPublisher;
import dev.sonority.model.task.TaskType;
import dev.sonority.worker.jobs.Job;
import dev.sonority.worker.jobs.JobContext;
import dev.sonority.worker.jobs.JobFailedException;
import dev.sonority.worker.jobs.JobOutcome;
import dev.sonority.worker.jobs.TaskCancelledException;
import dev.sonority.worker.tasks.ProgressSnapshot;
import dev.sonority.worker.tasks.TaskStore.TaskRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The CLUSTER task, the parent of its search: {@link SearchState} issues a window of batches, each is published
 * as a {@link ClusterBatch} that any worker's {@link ClusterBatchListener} runs, and their outcomes (rows of
 * {@link ClusteringBatches}) are accepted in the order issued, so a seed gives the same search however many
 * workers ran it. While it waits the job reports progress (best fitness so far) and learns of a cancel from that
 * write. A redelivered task restarts its search from the seed and reuses the batch rows its run already has.
 * The best run is replayed here and the previous run's playlists are replaced only once this run has its own.
 */
@Component
class ClusterJob implements Job {

    private final ClusterLibraries libraries;
    private final ClusteringRuns runs;
    private final ClusteringBatches batches;
    private final JobPublisher publisher;
    private final ClusterPlaylistWriter writer;

    ClusterJob(ClusterLibraries libraries, ClusteringRuns runs, ClusteringBatches batches, JobPublisher publisher,
            ClusterPlaylistWriter writer) {
        this.libraries = libraries;
        this.runs = runs;
        this.batches = batches;
        this.publisher = publisher;
        this.writer = writer;
    }

    @Override
    public TaskType type() {
        return TaskType.CLUSTER;
    }

    @Override
    public JobOutcome run(TaskRow task, JobContext context) {
        String parametersJson = task.parameters() == null ? "{}" : task.parameters();
        ClusterRequest request = ClusterRequest.parse(parametersJson);
        long runId = runs.start(task.id(), parametersJson);
        try {
            return search(task.id(), request, parametersJson, runId, context);
        } catch (TaskCancelledException e) {
            runs.end(runId, "CANCELLED");
            throw e;
        } catch (RuntimeException e) {
            runs.end(runId, "FAILURE");
            throw e;
        }
    }

    private JobOutcome search(UUID taskId, ClusterRequest request, String parametersJson, long runId,
            JobContext context) {
        Library library = libraries.get(taskId, request.model());
        if (library.size() == 0) {
            throw new JobFailedException("No song has a " + request.model() + " vector: nothing to cluster");
        }
        int sample = Math.min(request.sampleSize(), library.size());
        SearchSpace space;
        try {
            space = request.space().adaptedTo(sample, library.vectors()[0].length, request.rules().minSongs());
        } catch (IllegalArgumentException e) {
            throw new JobFailedException(e.getMessage() + "; no playlists were saved");
        }
        SearchSettings settings = SearchSettings.of(space, request.runs(), sample, request.weights(), request.seed());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run_id", runId);
        details.put("model", request.model());
        details.put("songs", library.size());
        details.put("sample_size", sample);
        details.put("ranges", space.describe());
        details.put("labels", library.labelSource());
        SearchState state = new SearchState(settings);
        BatchRunner runner = new BatchRunner(library, sample, request.weights());
        context.progressNow(snapshot(state, settings, details, "Clustering " + library.size() + " songs"));
        int issued = 0;
        for (List<List<RunParameters>> window = state.nextWindow(); !window.isEmpty(); window = state.nextWindow()) {
            publish(taskId, runId, issued, request, sample, window);
            for (int i = 0; i < window.size() && !state.patienceSpent(); i++) {
                // the write that reports progress is also where a cancel is learned (it throws)
                ClusteringBatches.Result result = batches.await(runId, issued + i,
                        () -> context.progress(snapshot(state, settings, details, "Searching")));
                if (result.error() != null) {
                    throw new JobFailedException(result.error() + "; no playlists were saved");
                }
                state.accept(result.outcomes());
                runs.progress(runId, state.curve(), details);
                context.progressNow(snapshot(state, settings, details, "Searching"));
            }
            issued += window.size();
        }
        Optional<RunOutcome> best = state.elites().best();
        if (best.isEmpty()) {
            throw new JobFailedException("No run produced a clustering; no playlists were saved");
        }
        BatchRunner.Solution solution = runner.solve(best.get().parameters());
        List<ClusterPlaylist> playlists = PostProcessor.playlists(solution.songs(), solution.partition(),
                solution.fitness(), request.rules());
        if (playlists.isEmpty()) {
            throw new JobFailedException("The best clustering (" + best.get().clusters() + " clusters) left no"
                    + " cluster of at least " + request.rules().minSongs() + " songs within max_distance "
                    + request.rules().maxDistance() + "; the previous playlists were kept");
        }
        details.put("best", bestDetails(best.get()));
        details.put("stopped_early", state.stoppedEarly());
        runs.progress(runId, state.curve(), details);
        List<Long> ids = writer.replace(runId, ClusterRequest.tree(parametersJson), playlists);
        details.put("playlist_ids", ids);
        String summary = "Saved " + ids.size() + " playlists from " + state.finishedRuns() + " runs (best fitness "
                + String.format(Locale.ROOT, "%.4f", best.get().fitness()) + ")";
        return new JobOutcome.Done(snapshot(state, settings, details, summary));
    }

    /** Publishes the window's batches that have no row yet (a redelivered parent reuses its run's rows). */
    private void publish(UUID taskId, long runId, int firstIndex, ClusterRequest request, int sample,
            List<List<RunParameters>> window) {
        List<ClusterBatch> missing = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            if (!batches.exists(runId, firstIndex + i)) {
                missing.add(new ClusterBatch(taskId, runId, firstIndex + i, request.model(), sample, request.weights(),
                        window.get(i)));
            }
        }
        if (!missing.isEmpty()) {
            publisher.publishWork(ClusterBatch.WORK_QUEUE, missing);
        }
    }

    private static Map<String, Object> bestDetails(RunOutcome best) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", best.parameters().method().apiName());
        m.put("clusters", best.clusters());
        m.put("parameter_clusters", best.parameters().clusters());
        m.put("eps", best.parameters().eps());
        m.put("min_samples", best.parameters().minSamples());
        m.put("pca_components", best.parameters().pcaComponents());
        m.put("seed", best.parameters().seed());
        m.put("fitness", best.fitness());
        return m;
    }

    private static ProgressSnapshot snapshot(SearchState state, SearchSettings settings, Map<String, Object> details,
            String message) {
        Map<String, Object> extra = new LinkedHashMap<>(details);
        extra.put("runs_done", state.finishedRuns());
        extra.put("batches", state.curve().size());
        if (!state.curve().isEmpty()) {
            extra.put("best_fitness", state.curve().getLast());
        }
        return ProgressSnapshot.of(state.finishedRuns(), 0, settings.runs(), message).withExtra(extra);
    }
}
