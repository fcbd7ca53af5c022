package dev.sonority.worker.analyze;

import dev.sonority.contract.models.ModelName;
import dev.sonority.model.job.AnalyzeBatch;
import dev.sonority.model.job.JobPublisher;
import dev.sonority.model.task.TaskType;
import dev.sonority.worker.config.WorkerProperties;
import dev.sonority.worker.jobs.Job;
import dev.sonority.worker.jobs.JobContext;
import dev.sonority.worker.jobs.JobFailedException;
import dev.sonority.worker.jobs.JobOutcome;
import dev.sonority.worker.tasks.AnalyzeBatchFinished;
import dev.sonority.worker.tasks.ProgressSnapshot;
import dev.sonority.worker.tasks.TaskStore.TaskRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyze task's fan-out: resolves the requested models, marks for this task every song that lacks a
 * current result of one of them, catches up the enrichments (text vector) of the other songs ({@link
 * EnrichmentCatchUp}), and publishes the marked songs as small {@link AnalyzeBatch} messages. The batches
 * do the work and the last one ends the task. Running it again (a recovered task) marks nothing twice and
 * republishes only the songs still unfinished.
 */
@Component
class AnalyzeJob implements Job {

    /** Batches published per confirmed burst (and per cancellation check). */
    static final int PUBLISH_BURST = 256;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AnalyzerRegistry analyzers;
    private final AnalysisStore store;
    private final JobPublisher publisher;
    private final TransactionTemplate transaction;
    private final WorkerProperties properties;
    private final ApplicationEventPublisher events;
    private final EnrichmentCatchUp catchUp;

    AnalyzeJob(AnalyzerRegistry analyzers, AnalysisStore store, JobPublisher publisher, TransactionTemplate transaction,
            WorkerProperties properties, ApplicationEventPublisher events, EnrichmentCatchUp catchUp) {
        this.events = events;
        this.catchUp = catchUp;
        this.analyzers = analyzers;
        this.store = store;
        this.publisher = publisher;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Override
    public TaskType type() {
        return TaskType.ANALYZE;
    }

    @Override
    public JobOutcome run(TaskRow task, JobContext context) {
        List<SongAnalyzer> requested = requestedAnalyzers(task.parameters());
        transaction.executeWithoutResult(status -> {
            for (SongAnalyzer analyzer : requested) {
                store.markPending(task.id(), analyzer.model().apiName(), analyzer.version());
            }
            store.setTotal(task.id());
        });
        int caughtUp = catchUp.run(task.id(), context); // before the batches, so the task ends after it
        List<Long> songs = store.unfinishedSongs(task.id());
        List<String> models = requested.stream().map(a -> a.model().apiName()).toList();
        context.progressNow(ProgressSnapshot.of(0, 0, null, "Analysing " + songs.size() + " songs with "
                + String.join(", ", models)).withExtra(Map.of("models", models, "caught_up_count", caughtUp)));
        List<AnalyzeBatch> burst = new ArrayList<>(PUBLISH_BURST);
        int batchSize = properties.analyzeBatchSize();
        for (int from = 0; from < songs.size(); from += batchSize) {
            burst.add(new AnalyzeBatch(task.id(), songs.subList(from, Math.min(songs.size(), from + batchSize))));
            if (burst.size() == PUBLISH_BURST) {
                publish(burst, context);
            }
        }
        publish(burst, context);
        store.reconcile(task.id()); // ends the task now if nothing was left to do
        if (songs.isEmpty()) {
            events.publishEvent(new AnalyzeBatchFinished(task.id())); // follow-ups (a vacuum may have shrunk the library)
        }
        return new JobOutcome.Delegated();
    }

    private void publish(List<AnalyzeBatch> burst, JobContext context) {
        if (!burst.isEmpty()) {
            publisher.publishBatches(burst);
            burst.clear();
        }
    }

    private List<SongAnalyzer> requestedAnalyzers(String parametersJson) {
        Set<String> names = new LinkedHashSet<>();
        if (parametersJson != null && !parametersJson.isBlank()) {
            JsonNode models = JSON.readTree(parametersJson).path("models");
            models.forEach(node -> names.add(node.asString()));
        }
        if (names.isEmpty()) {
            analyzers.available().forEach(model -> names.add(model.apiName()));
        }
        if (names.isEmpty()) {
            throw new JobFailedException("No analysis model is available in this worker" + reasons());
        }
        List<SongAnalyzer> result = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (String name : names) {
            ModelName.fromApiName(name).flatMap(analyzers::find).ifPresentOrElse(result::add, () -> unavailable.add(name));
        }
        if (!unavailable.isEmpty()) {
            throw new JobFailedException("Model(s) not available in this worker: " + String.join(", ", unavailable)
                    + ". Available: " + String.join(", ", analyzers.available().stream().map(ModelName::apiName).toList())
                    + ". Nothing was analysed.");
        }
        return result;
    }

    /** Why deep models may be missing, e.g. " (inference service at http://…: connection refused)". */
    private String reasons() {
        List<String> reasons = analyzers.unavailableReasons();
        return reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")";
    }
}
