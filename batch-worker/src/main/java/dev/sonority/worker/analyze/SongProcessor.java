package dev.sonority.worker.analyze;

import dev.sonority.audio.decode.AudioDecodeException;
import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.audio.decode.SourceInfo;
import dev.sonority.contract.models.ModelName;
import dev.sonority.worker.config.TransientDependencyException;
import dev.sonority.worker.config.TransientFailures;
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
 * Analyses one song for one task: claims it, decodes the file once per sample rate the requested models need
 * and runs each model with no transaction open (a model may take minutes per track), then, if the claim is
 * still this attempt's:
 * <ol>
 * <li>stores the models' results in one short transaction (the song's rows stay RUNNING under the claim);
 * <li>runs the {@link SongEnrichment}s (the metadata text vector: an HTTP request to the inference service)
 *     with no transaction open and no row locked;
 * <li>commits the rows' transition to COMPLETED/FAILED and the task's counters in a second short transaction,
 *     so the last song ends the task only after its text vector is written.
 * </ol>
 * A worker that dies between the two leaves the rows RUNNING under a claim nobody renews: another attempt
 * takes the song over and counts it, once. A file that cannot be decoded marks the song FAILED with the
 * precise reason; it never throws. A dependency that is down while the song is analysed (the inference service,
 * PostgreSQL) is not the file's fault: the attempt is given back and the failure thrown, so the batch is retried
 * and the song analysed again, never marked FAILED for it.
 */
@Component
class SongProcessor {

    private static final Logger log = LoggerFactory.getLogger(SongProcessor.class);

    /** What happened to one song. */
    enum Result { DONE, FAILED, SKIPPED }

    /** What one model did with the song, kept in memory until the commit. */
    private sealed interface Outcome {
        record Stored(SongAnalyzer analyzer, ModelOutput output) implements Outcome {
        }

        record Failed(String model, @Nullable String version, String reason) implements Outcome {
        }
    }

    /** Everything an attempt computed; {@code source} is what decoding revealed about the file, if it decoded. */
    private record Analysis(@Nullable SourceInfo source, List<Outcome> outcomes) {
    }

    private final AnalysisStore store;
    private final SongClaims claims;
    private final AnalysisWriter writer;
    private final AnalyzerRegistry analyzers;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final WorkerProperties properties;
    private final List<SongEnrichment> enrichments;
    private final AudioDecoder decoder = AudioDecoder.ffmpeg();

    SongProcessor(AnalysisStore store, SongClaims claims, AnalysisWriter writer, AnalyzerRegistry analyzers,
            TransactionTemplate transaction, JdbcClient jdbc, WorkerProperties properties,
            List<SongEnrichment> enrichments) {
        this.enrichments = List.copyOf(enrichments);
        this.store = store;
        this.claims = claims;
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
        AnalysisStore.Claim claim = store.claimAttempt(songId, taskId, properties.staleAfter());
        if (claim == null) {
            return Result.SKIPPED; // finished already (a redelivered or duplicated message), deleted, or held
        }
        if (claim.attempts() > properties.maxAttempts()) {
            return giveUp(claim);
        }
        try (SongClaims.Held ignored = claims.hold(claim)) {
            Analysis analysis;
            try {
                analysis = analyse(songId, root, claim.models());
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    giveBack(claim, e);
                }
                throw e;
            }
            Set<String> stored = transaction.execute(status -> storeResults(claim, analysis));
            if (stored == null) {
                return Result.SKIPPED;
            }
            changedModels.addAll(stored);
            if (!stored.isEmpty()) {
                enrich(songId, stored, changedModels); // outside any transaction: it calls the inference service
            }
            Result result = transaction.execute(status -> finish(claim, analysis));
            return result == null ? Result.SKIPPED : result;
        }
    }

    /**
     * A dependency is down (the inference service, PostgreSQL): not this file's fault, so the attempt does not
     * count against it. While PostgreSQL is down the attempt cannot be given back; the claim then goes stale
     * and another attempt takes the song over.
     */
    private void giveBack(AnalysisStore.Claim claim, RuntimeException cause) {
        try {
            store.releaseAttempt(claim);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Decodes and runs the models; reads the song's path, writes nothing. */
    private Analysis analyse(long songId, Path root, List<String> models) {
        Optional<String> path = jdbc.sql("SELECT path FROM song WHERE id = :id").param("id", songId)
                .query(String.class).optional();
        if (path.isEmpty()) {
            return new Analysis(null, List.of()); // deleted meanwhile: the commit finds no claim left
        }
        Path file = root.resolve(path.get());
        List<Outcome> outcomes = new ArrayList<>();
        Map<Integer, List<SongAnalyzer>> byRate = new HashMap<>();
        for (String model : models) {
            SongAnalyzer analyzer = ModelName.fromApiName(model).flatMap(analyzers::find).orElse(null);
            if (analyzer == null) {
                outcomes.add(new Outcome.Failed(model, null, "model '" + model + "' is not available in this worker"));
                continue;
            }
            byRate.computeIfAbsent(analyzer.sampleRate(), rate -> new ArrayList<>()).add(analyzer);
        }
        SourceInfo source = null;
        for (Map.Entry<Integer, List<SongAnalyzer>> group : byRate.entrySet()) {
            DecodedAudio audio;
            try {
                audio = decoder.decode(file, new DecodeOptions(group.getKey(), properties.analyzeMaxDuration(),
                        properties.decodeTimeout()));
            } catch (AudioDecodeException e) {
                String reason = e.reason() + ": " + e.getMessage();
                group.getValue().forEach(a -> outcomes.add(new Outcome.Failed(a.model().apiName(), a.version(), reason)));
                continue;
            }
            source = audio.source();
            runGroup(songId, group.getValue(), audio, outcomes);
        }
        return new Analysis(source, outcomes);
    }

    /**
     * Runs one sample rate's models: those of a shared source (the inference service) in one request, the
     * built-in ones one by one.
     */
    private void runGroup(long songId, List<SongAnalyzer> group, DecodedAudio audio, List<Outcome> outcomes) {
        Map<AnalyzerSource, List<SongAnalyzer>> joint = new LinkedHashMap<>();
        for (SongAnalyzer analyzer : group) {
            Optional<AnalyzerSource> source = analyzers.sourceOf(analyzer);
            if (source.isPresent()) {
                joint.computeIfAbsent(source.get(), s -> new ArrayList<>()).add(analyzer);
            } else {
                outcomes.add(runModel(songId, analyzer, audio));
            }
        }
        for (Map.Entry<AnalyzerSource, List<SongAnalyzer>> entry : joint.entrySet()) {
            Map<SongAnalyzer, ModelResult> results = entry.getKey().analyzeTogether(entry.getValue(), audio);
            for (SongAnalyzer analyzer : entry.getValue()) {
                outcomes.add(outcome(analyzer, results.get(analyzer)));
            }
        }
    }

    private static Outcome outcome(SongAnalyzer analyzer, @Nullable ModelResult result) {
        String model = analyzer.model().apiName();
        return switch (result) {
            case ModelResult.Computed computed -> new Outcome.Stored(analyzer, computed.output());
            case ModelResult.Failed failed -> new Outcome.Failed(model, analyzer.version(), failed.reason());
            case null -> new Outcome.Failed(model, analyzer.version(),
                    "the inference service returned no result for " + model);
        };
    }

    private Outcome runModel(long songId, SongAnalyzer analyzer, DecodedAudio audio) {
        String model = analyzer.model().apiName();
        try {
            return new Outcome.Stored(analyzer, analyzer.analyze(audio));
        } catch (SongAnalysisException e) {
            return new Outcome.Failed(model, analyzer.version(), e.getMessage());
        } catch (RuntimeException e) { // a model bug on one odd file fails that song, not the batch
            if (TransientFailures.isTransient(e)) {
                throw e; // a dependency of the model (PostgreSQL) is down, not the file at fault: analysed again
            }
            log.warn("{} failed on song {}", model, songId, e);
            return new Outcome.Failed(model, analyzer.version(), "internal error in " + model + ": " + e);
        }
    }

    /**
     * The attempt's first transaction: the models' results and what decoding revealed about the file; the
     * models stored, or null (nothing written) if the claim was lost.
     */
    private @Nullable Set<String> storeResults(AnalysisStore.Claim claim, Analysis analysis) {
        long songId = claim.songId();
        if (!store.holds(claim)) {
            log.info("Song {}: its claim was taken over or the song removed while it was analysed; results dropped",
                    songId);
            return null;
        }
        if (analysis.source() != null) {
            writer.decoded(songId, analysis.source());
        }
        Set<String> stored = new LinkedHashSet<>();
        for (Outcome outcome : analysis.outcomes()) {
            if (outcome instanceof Outcome.Stored(SongAnalyzer analyzer, ModelOutput output)) {
                writer.output(songId, analyzer.model().apiName(), analyzer.version(), output);
                stored.add(analyzer.model().apiName());
            }
        }
        return stored;
    }

    /**
     * The attempt's second transaction, after the enrichments: the rows' new states and the task's counters
     * (the last song ends the task), or nothing if the claim was lost meanwhile.
     */
    private @Nullable Result finish(AnalysisStore.Claim claim, Analysis analysis) {
        long songId = claim.songId();
        if (!store.holds(claim)) {
            log.info("Song {}: its claim was taken over while its enrichments ran; another attempt counts it",
                    songId);
            return null;
        }
        boolean anyFailed = false;
        for (Outcome outcome : analysis.outcomes()) {
            switch (outcome) {
                case Outcome.Stored stored ->
                    store.completed(songId, stored.analyzer().model().apiName(), stored.analyzer().version());
                case Outcome.Failed failed -> {
                    store.failed(songId, failed.model(), failed.version(), failed.reason());
                    anyFailed = true;
                }
            }
        }
        store.countFinished(claim.taskId(), 1, anyFailed ? 1 : 0);
        return anyFailed ? Result.FAILED : Result.DONE;
    }

    /**
     * Follow-up steps (the metadata text vector: one short request), run with no transaction open; their
     * failure is logged, never fails the song, and the next analyze task catches them up.
     */
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

    private Result giveUp(AnalysisStore.Claim claim) {
        int attempts = claim.attempts() - 1;
        String reason = "gave up after " + attempts + " attempts: the worker stopped while analysing this file"
                + " each time (it may crash the decoder)";
        transaction.executeWithoutResult(status -> {
            if (store.holds(claim)) {
                claim.models().forEach(model -> store.failed(claim.songId(), model, null, reason));
                store.countFinished(claim.taskId(), 1, 1);
            }
        });
        log.warn("Song {}: {}", claim.songId(), reason);
        return Result.FAILED;
    }
}
