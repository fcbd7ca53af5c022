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
 * Decides which models an analyze request means: the configured default set when there is no body or no
 * {@code models}, else the named ones, each of which must be a known model that analyses audio. Errors
 * name the valid models (Lainbow accepted unknown names silently and the task hung).
 */
final class AnalyzeModels {

    private AnalyzeModels() {
    }

    static List<String> resolve(AnalyzeRequest request, List<String> defaults) {
        if (request == null || request.models() == null) {
            return defaults;
        }
        if (request.models().isEmpty()) {
            throw new ValidationException(Violation.of("List should have at least 1 item after validation, not 0",
                    "too_short", "body", "models"));
        }
        return check(request.models());
    }

    /** The API names of the models songs can be analysed with. */
    static List<String> analysable() {
        return Arrays.stream(ModelName.values()).filter(ModelName::analysesAudio).map(ModelName::apiName).toList();
    }

    private static List<String> check(List<String> names) {
        List<Violation> violations = new ArrayList<>();
        Set<String> models = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            var model = ModelName.fromApiName(name);
            if (model.isEmpty()) {
                violations.add(Violation.of("Unknown model '" + name + "'; valid models: "
                        + String.join(", ", analysable()), "enum", "body", "models", i));
            } else if (!model.get().analysesAudio()) {
                violations.add(Violation.of("Model '" + name + "' embeds text only and cannot analyse songs;"
                        + " valid models: " + String.join(", ", analysable()), "enum", "body", "models", i));
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
