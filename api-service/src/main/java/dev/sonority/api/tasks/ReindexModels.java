package dev.sonority.api.tasks;

import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import dev.sonority.contract.models.ModelName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which models a reindex request means: none named = every model with stored vectors (the worker finds
 * them), else the named ones, each a known model (text models included: their metadata vectors are
 * searchable too).
 */
final class ReindexModels {

    private ReindexModels() {
    }

    static List<String> resolve(AnalyzeRequest request) {
        if (request == null || request.models() == null) {
            return List.of();
        }
        if (request.models().isEmpty()) {
            throw new ValidationException(Violation.of("List should have at least 1 item after validation, not 0",
                    "too_short", "body", "models"));
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> models = new LinkedHashSet<>();
        for (int i = 0; i < request.models().size(); i++) {
            String name = request.models().get(i);
            if (ModelName.fromApiName(name).isEmpty()) {
                violations.add(Violation.of("Unknown model '" + name + "'; valid models: " + String.join(", ",
                        Arrays.stream(ModelName.values()).map(ModelName::apiName).toList()), "enum", "body", "models", i));
            } else {
                models.add(name);
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return List.copyOf(models);
    }
}
