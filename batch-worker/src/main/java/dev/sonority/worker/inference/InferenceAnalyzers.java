package dev.sonority.worker.inference;

import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.contract.inference.AudioEmbedding;
import dev.sonority.contract.models.ModelName;
import dev.sonority.model.inference.InferenceRejectedException;
import dev.sonority.model.inference.RemoteModel;
import dev.sonority.worker.analyze.AnalyzerSource;
import dev.sonority.worker.analyze.ModelResult;
import dev.sonority.worker.analyze.SongAnalyzer;
import dev.sonority.worker.config.TransientDependencyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deep models the inference service has installed, offered to the analyze job. The list is asked for
 * again after {@code catalogTtl} (models are installed while the worker runs), and a service that cannot be
 * reached is asked again after a few seconds, not on every song.
 */
public class InferenceAnalyzers implements AnalyzerSource {

    private static final Logger log = LoggerFactory.getLogger(InferenceAnalyzers.class);
    private static final Duration RETRY_UNREACHABLE = Duration.ofSeconds(5);

    private final TransientInference client;
    private final Duration ttl;
    private final Clock clock;
    private volatile Catalog catalog = new Catalog(List.of(), List.of(), null, Instant.MIN);

    public InferenceAnalyzers(TransientInference client, InferenceProperties properties, Clock clock) {
        this.client = client;
        this.ttl = properties.catalogTtl();
        this.clock = clock;
    }

    /** What the service had installed when last asked; {@code failure} says why it could not be asked. */
    private record Catalog(List<SongAnalyzer> analyzers, List<RemoteModel> models, @Nullable String failure,
            Instant validUntil) {

        Catalog withValidUntil(Instant instant) {
            return new Catalog(analyzers, models, failure, instant);
        }
    }

    @Override
    public List<SongAnalyzer> current() {
        return catalog().analyzers();
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(catalog().failure());
    }

    @Override
    public boolean owns(SongAnalyzer analyzer) {
        return analyzer instanceof RemoteAnalyzer remote && remote.source() == this;
    }

    /** The version of a usable model of any kind (text models too), if the service has it installed. */
    Optional<String> usableVersion(String name) {
        return catalog().models().stream().filter(m -> m.name().equals(name) && m.usable())
                .map(m -> m.version() == null ? "unversioned" : m.version()).findFirst();
    }

    TransientInference client() {
        return client;
    }

    @Override
    public Map<SongAnalyzer, ModelResult> analyzeTogether(List<SongAnalyzer> analyzers, DecodedAudio audio) {
        Map<SongAnalyzer, ModelResult> results = new LinkedHashMap<>();
        List<SongAnalyzer> pending = new ArrayList<>(analyzers);
        while (!pending.isEmpty()) {
            List<String> names = pending.stream().map(a -> a.model().apiName()).toList();
            try {
                Map<String, AudioEmbedding> answers = client.embedAudio(audio.samples(), audio.sampleRate(), names);
                for (SongAnalyzer analyzer : pending) {
                    AudioEmbedding answer = answers.get(analyzer.model().apiName());
                    results.put(analyzer, answer == null
                            ? new ModelResult.Failed("the inference service returned no result for " + analyzer.model())
                            : EmbeddingOutputs.toResult(analyzer.model(), answer));
                }
                pending.clear();
            } catch (InferenceRejectedException e) {
                if (e.status() == 409 || e.status() == 503) {
                    catalog = catalog.withValidUntil(Instant.MIN); // the model's state changed: ask again
                }
                SongAnalyzer named = pending.stream()
                        .filter(a -> a.model().apiName().equals(e.model())).findFirst().orElse(null);
                if (named != null && pending.size() > 1) {
                    results.put(named, new ModelResult.Failed(e.getMessage())); // the others may still work
                    pending.remove(named);
                } else {
                    pending.forEach(a -> results.put(a, new ModelResult.Failed(e.getMessage())));
                    pending.clear();
                }
            }
        }
        return results;
    }

    private Catalog catalog() {
        Catalog known = catalog;
        Instant now = clock.instant();
        if (now.isBefore(known.validUntil())) {
            return known;
        }
        synchronized (this) {
            if (clock.instant().isBefore(catalog.validUntil())) {
                return catalog;
            }
            catalog = fetch(now);
            return catalog;
        }
    }

    private Catalog fetch(Instant now) {
        try {
            List<RemoteModel> models = client.models();
            List<SongAnalyzer> analyzers = new ArrayList<>();
            for (RemoteModel model : models) {
                Optional<ModelName> name = ModelName.fromApiName(model.name());
                if (model.usable() && model.embedsAudio() && name.isPresent() && name.get().analysesAudio()
                        && name.get() != ModelName.ACOUSTIC_FEATURES && model.sampleRate() != null) {
                    analyzers.add(new RemoteAnalyzer(name.get(),
                            model.version() == null ? "unversioned" : model.version(), model.sampleRate(), this));
                }
            }
            if (catalog.failure() != null) {
                log.info("Inference service at {} reachable again; models: {}", client.base(), analyzers);
            }
            return new Catalog(List.copyOf(analyzers), models, null, now.plus(ttl));
        } catch (TransientDependencyException | InferenceRejectedException e) {
            if (catalog.failure() == null) {
                log.warn("Deep models unavailable: {}", e.getMessage());
            }
            return new Catalog(List.of(), List.of(), e.getMessage(), now.plus(RETRY_UNREACHABLE));
        }
    }
}
