package dev.sonority.api.tasks;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analysis requests.
 *
 * @param defaultModels the models analysed when {@code POST /api/v1/batch/analyze/run} has no body; empty (or
 *     {@code all}) means every model installed when the task runs: the built-in one and each deep model the
 *     inference service has (ANALYZE_DEFAULT_MODELS)
 */
@ConfigurationProperties("sonority.api.analyze")
public record AnalyzeProperties(@DefaultValue(AnalyzeProperties.ALL) List<String> defaultModels) {

    /** The value of ANALYZE_DEFAULT_MODELS that means "every installed model". */
    static final String ALL = "all";

    public AnalyzeProperties {
        defaultModels = defaultModels.equals(List.of(ALL)) ? List.of() : List.copyOf(defaultModels);
        for (String name : defaultModels) {
            if (!AnalyzeModels.analysable().contains(name)) {
                throw new IllegalArgumentException("sonority.api.analyze.default-models: '" + name
                        + "' is not a model songs can be analysed with; valid: "
                        + String.join(", ", AnalyzeModels.analysable()) + ", or '" + ALL + "'");
            }
        }
    }
}
