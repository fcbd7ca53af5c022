package dev.sonority.worker.analyze;

import dev.sonority.audio.decode.AudioDecodeException;
import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.model.models.ModelName;
import dev.sonority.worker.config.TransientDependencyException;
import dev.sonority.worker.config.WorkerProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses one song for one task: decodes the file once per sample rate the requested models need, runs
 * each model, and commits every result, the song's new state and the task's counters together. A file
 * that cannot be decoded marks the song FAILED with the precise reason; it never throws.
 */
@Component
class SongProcessor {

    private static final Logger log = LoggerFactory.getLogger(SongProcessor.class);

    /** What happened to one song. */
    enum Result { DONE, FAILED, SKIPPED }

    private final AnalysisStore store;
    private final AnalysisWriter writer;
    private final AnalyzerRegistry analyzers;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final WorkerProperties properties;
    private final List<SongEnrichment> enrichments;
    private final AudioDecoder decoder = AudioDecoder.ffmpeg();

    SongProcessor(AnalysisStore store, AnalysisWriter writer, AnalyzerRegistry analyzers,
            TransactionTemplate transaction, JdbcClient jdbc, WorkerProperties properties,
            List<SongEnrichment> enrichments) {
        this.enrichments = List.copyOf(enrichments);
        this.store = store;
        this.writer = writer;
        this.analyzers = analyzers;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * @param changedModels collects the models whose vectors this song's commit changed; the caller
     *     announces them once per batch, after the commits
     */
    Result process(UUID taskId, long songId, Path root, Set<String> changedModels) {
        List<AnalysisStore.Claimed> claimed = store.claimAttempt(songId, taskId);
        if (claimed.isEmpty()) {
            return Result.SKIPPED; // finished already (a redelivered or duplicated message), or deleted
        }
        int attempts = claimed.stream().mapToInt(AnalysisStore.Claimed::attempts).max().orElse(0);
        if (attempts > properties.maxAttempts()) {
            return giveUp(taskId, songId, attempts - 1);
        }
        Result result;
        try {
            result = transaction.execute(status -> analyseLocked(taskId, songId, root, changedModels));
        } catch (TransientDependencyException e) {
            // the inference service is down: not this file's fault, so this attempt does not count against it
            store.releaseAttempt(songId, taskId);
            throw e;
        }
        return result == null ? Result.SKIPPED : result;
    }

    private Result analyseLocked(UUID taskId, long songId, Path root, Set<String> changedModels) {
        List<String> models = store.lockRunning(songId, taskId);
        if (models.isEmpty()) {
            return Result.SKIPPED; // a live worker holds this song
        }
        String path = jdbc.sql("SELECT path FROM song WHERE id = :id").param("id", songId).query(String.class).single();
        Path file = root.resolve(path);
        Map<Integer, List<SongAnalyzer>> byRate = new HashMap<>();
        for (String model : models) {
            SongAnalyzer analyzer = ModelName.fromApiName(model).flatMap(analyzers::find).orElse(null);
            if (analyzer == null) {
                store.failed(songId, model, null, "model '" + model + "' is not available in this worker");
                continue;
            }
            byRate.computeIfAbsent(analyzer.sampleRate(), rate -> new ArrayList<>()).add(analyzer);
        }
        boolean anyFailed = byRate.values().stream().mapToInt(List::size).sum() < models.size();
        Set<String> completed = new LinkedHashSet<>();
        for (Map.Entry<Integer, List<SongAnalyzer>> group : byRate.entrySet()) {
            DecodedAudio audio;
            try {
                audio = decoder.decode(file, new DecodeOptions(group.getKey(), properties.analyzeMaxDuration(),
                        properties.decodeTimeout()));
            } catch (AudioDecodeException e) {
                String reason = e.reason() + ": " + e.getMessage();
                group.getValue().forEach(a -> store.failed(songId, a.model().apiName(), a.version(), reason));
                anyFailed = true;
                continue;
            }
            writer.decoded(songId, audio.source());
            anyFailed |= !runGroup(songId, group.getValue(), audio, completed);
        }
        changedModels.addAll(completed);
        if (!completed.isEmpty()) {
            enrich(songId, completed, changedModels);
        }
        store.countFinished(taskId, 1, anyFailed ? 1 : 0);
        return anyFailed ? Result.FAILED : Result.DONE;
    }

    /**
     * Runs one sample rate's models: those of a shared source (the inference service) in one request, the
     * built-in ones one by one. Returns false when any of them failed on this song.
     */
    private boolean runGroup(long songId, List<SongAnalyzer> group, DecodedAudio audio, Set<String> completed) {
        boolean allDone = true;
        Map<AnalyzerSource, List<SongAnalyzer>> joint = new LinkedHashMap<>();
        for (SongAnalyzer analyzer : group) {
            Optional<AnalyzerSource> source = analyzers.sourceOf(analyzer);
            if (source.isPresent()) {
                joint.computeIfAbsent(source.get(), s -> new ArrayList<>()).add(analyzer);
            } else {
                allDone &= runModel(songId, analyzer, audio, completed);
            }
        }
        for (Map.Entry<AnalyzerSource, List<SongAnalyzer>> entry : joint.entrySet()) {
            Map<SongAnalyzer, ModelResult> results = entry.getKey().analyzeTogether(entry.getValue(), audio);
            for (SongAnalyzer analyzer : entry.getValue()) {
                allDone &= record(songId, analyzer, results.get(analyzer), completed);
            }
        }
        return allDone;
    }

    private boolean record(long songId, SongAnalyzer analyzer, @Nullable ModelResult result, Set<String> completed) {
        String model = analyzer.model().apiName();
        switch (result) {
            case ModelResult.Computed computed -> {
                writer.output(songId, model, analyzer.version(), computed.output());
                store.completed(songId, model, analyzer.version());
                completed.add(model);
                return true;
            }
            case ModelResult.Failed failed -> store.failed(songId, model, analyzer.version(), failed.reason());
            case null -> store.failed(songId, model, analyzer.version(), "the inference service returned no result for " + model);
        }
        return false;
    }

    /** Follow-up steps (the metadata text vector); their failure is logged, never fails the song. */
    private void enrich(long songId, Set<String> completed, Set<String> changedModels) {
        for (SongEnrichment enrichment : enrichments) {
            try {
                changedModels.addAll(enrichment.enrich(songId, Set.copyOf(completed)));
            } catch (TransientDependencyException e) {
                log.warn("Song {}: {} skipped: {}", songId, enrichment.getClass().getSimpleName(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Song {}: {} failed", songId, enrichment.getClass().getSimpleName(), e);
            }
        }
    }

    private boolean runModel(long songId, SongAnalyzer analyzer, DecodedAudio audio, Set<String> completed) {
        String model = analyzer.model().apiName();
        try {
            writer.output(songId, model, analyzer.version(), analyzer.analyze(audio));
            store.completed(songId, model, analyzer.version());
            completed.add(model);
            return true;
        } catch (SongAnalysisException e) {
            store.failed(songId, model, analyzer.version(), e.getMessage());
        } catch (RuntimeException e) { // a model bug on one odd file fails that song, not the batch
            log.warn("{} failed on song {}", model, songId, e);
            store.failed(songId, model, analyzer.version(), "internal error in " + model + ": " + e);
        }
        return false;
    }

    private Result giveUp(UUID taskId, long songId, int attempts) {
        String reason = "gave up after " + attempts + " attempts: the worker stopped while analysing this file"
                + " each time (it may crash the decoder)";
        transaction.executeWithoutResult(status -> {
            List<String> models = store.lockRunning(songId, taskId);
            if (!models.isEmpty()) {
                models.forEach(model -> store.failed(songId, model, null, reason));
                store.countFinished(taskId, 1, 1);
            }
        });
        log.warn("Song {}: {}", songId, reason);
        return Result.FAILED;
    }
}
