package dev.sonority.api.tasks;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The parameters of an ANALYZE task from its request body: one place for the endpoint and for schedules, so
 * a scheduled analyze is checked and defaulted exactly as {@code POST /api/v1/batch/analyze/run} is.
 */
@Component
public class AnalyzeParameters {

    private final AnalyzeProperties analyze;

    public AnalyzeParameters(AnalyzeProperties analyze) {
        this.analyze = analyze;
    }

    /** Empty when every installed model is meant (the worker resolves them when the task runs). */
    public Map<String, Object> of(@Nullable AnalyzeRequest body) {
        List<String> models = AnalyzeModels.resolve(body, analyze.defaultModels());
        return models.isEmpty() ? Map.of() : Map.of("models", models);
    }
}
