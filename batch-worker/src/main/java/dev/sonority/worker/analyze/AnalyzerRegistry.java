package dev.sonority.worker.analyze;

import dev.sonority.contract.models.ModelName;
import dev.sonority.worker.config.TransientDependencyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The models this worker can compute: one {@link SongAnalyzer} bean each for the built-in models, plus
 * whatever the {@link AnalyzerSource}s offer now (deep models installed on the inference service). A
 * built-in analyzer wins over a source's analyzer of the same model.
 */
@Component
public class AnalyzerRegistry {

    private final Map<ModelName, SongAnalyzer> local = new EnumMap<>(ModelName.class);
    private final List<AnalyzerSource> sources;

    AnalyzerRegistry(List<SongAnalyzer> all, List<AnalyzerSource> sources) {
        for (SongAnalyzer analyzer : all) {
            SongAnalyzer previous = local.put(analyzer.model(), analyzer);
            if (previous != null) {
                throw new IllegalStateException("Two analyzers for " + analyzer.model() + ": "
                        + previous.getClass().getName() + " and " + analyzer.getClass().getName());
            }
        }
        this.sources = List.copyOf(sources);
    }

    /**
     * The analyzer of {@code model}, or empty when neither a built-in analyzer nor a reachable source has it.
     *
     * @throws TransientDependencyException when the model may be on a source that cannot be reached now (the
     *     inference service is down or restarting): the caller waits for it instead of failing
     */
    public Optional<SongAnalyzer> find(ModelName model) {
        SongAnalyzer builtIn = local.get(model);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        for (AnalyzerSource source : sources) {
            for (SongAnalyzer analyzer : source.current()) {
                if (analyzer.model() == model) {
                    return Optional.of(analyzer);
                }
            }
        }
        List<String> reasons = unavailableReasons();
        if (!reasons.isEmpty()) {
            throw new TransientDependencyException("model '" + model + "' unavailable: " + String.join("; ", reasons),
                    null);
        }
        return Optional.empty();
    }

    /** Every model that can be computed now, built-in ones first. */
    public Set<ModelName> available() {
        Set<ModelName> models = new LinkedHashSet<>(local.keySet());
        for (AnalyzerSource source : sources) {
            source.current().forEach(analyzer -> models.add(analyzer.model()));
        }
        return Collections.unmodifiableSet(models);
    }

    /** Why models outside the built-in ones may be missing (an unreachable inference service), if known. */
    public List<String> unavailableReasons() {
        List<String> reasons = new ArrayList<>();
        sources.forEach(source -> source.unavailableReason().ifPresent(reasons::add));
        return reasons;
    }

    /** The source that computes {@code analyzer} jointly with others, if it has one. */
    Optional<AnalyzerSource> sourceOf(SongAnalyzer analyzer) {
        return sources.stream().filter(source -> source.owns(analyzer)).findFirst();
    }
}
