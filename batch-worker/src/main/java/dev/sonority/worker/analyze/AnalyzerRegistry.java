package dev.sonority.worker.analyze;

import dev.sonority.model.models.ModelName;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The models this worker can compute: one {@link SongAnalyzer} bean each. */
@Component
public class AnalyzerRegistry {

    private final Map<ModelName, SongAnalyzer> analyzers = new EnumMap<>(ModelName.class);

    AnalyzerRegistry(List<SongAnalyzer> all) {
        for (SongAnalyzer analyzer : all) {
            SongAnalyzer previous = analyzers.put(analyzer.model(), analyzer);
            if (previous != null) {
                throw new IllegalStateException("Two analyzers for " + analyzer.model() + ": "
                        + previous.getClass().getName() + " and " + analyzer.getClass().getName());
            }
        }
    }

    public Optional<SongAnalyzer> find(ModelName model) {
        return Optional.ofNullable(analyzers.get(model));
    }

    public Set<ModelName> available() {
        return Collections.unmodifiableSet(analyzers.keySet());
    }
}
