package dev.sonority.api.tasks;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Analysis requests.
 *
 * @param defaultModels the models analysed when {@code POST /api/v1/batch/analyze/run} has no body
 */
@ConfigurationProperties("sonority.api.analyze")
public record AnalyzeProperties(List<String> defaultModels) {

    public AnalyzeProperties {
        defaultModels = defaultModels == null || defaultModels.isEmpty()
                ? List.of("acoustic_features") : List.copyOf(defaultModels);
        for (String name : defaultModels) {
            if (!AnalyzeModels.analysable().contains(name)) {
                throw new IllegalArgumentException("sonority.api.analyze.default-models: '" + name
                        + "' is not a model songs can be analysed with; valid: "
                        + String.join(", ", AnalyzeModels.analysable()));
            }
        }
    }
}
