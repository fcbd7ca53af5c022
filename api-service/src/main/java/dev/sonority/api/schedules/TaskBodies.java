package dev.sonority.api.schedules;

import dev.sonority.api.clustering.ClusteringRequests;
import dev.sonority.api.tasks.AnalyzeParameters;
import dev.sonority.api.tasks.AnalyzeRequest;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schedule's task body made into the task's parameters by the same code as the task's own endpoint
 * (analyze: {@link AnalyzeParameters}; cluster: {@link ClusteringRequests}). Scan and vacuum endpoints take no
 * body, so a schedule of them with one is refused rather than silently ignored. Violations are located under
 * {@code ["body", "body", ...]}, where the schedule's request holds the task body.
 */
@Component
class TaskBodies {

    private final AnalyzeParameters analyze;
    private final ClusteringRequests clustering;
    private final JsonMapper mapper;

    TaskBodies(AnalyzeParameters analyze, ClusteringRequests clustering, JsonMapper mapper) {
        this.analyze = analyze;
        this.clustering = clustering;
        this.mapper = mapper;
    }

    /**
     * The parameters the task's endpoint would submit (null for scan and vacuum).
     *
     * @throws ValidationException if the body is not one the task's endpoint accepts
     */
    @Nullable Map<String, Object> parameters(ScheduledTask task, @Nullable JsonNode body) {
        boolean empty = body == null || body.isNull() || (body.isObject() && body.isEmpty());
        try {
            return switch (task) {
                case SCAN, VACUUM -> {
                    if (!empty) {
                        throw new ValidationException(Violation.of("A " + task.apiName() + " task takes no body",
                                "value_error.body", "body"));
                    }
                    yield null; // as their endpoints submit them: no parameters
                }
                case ANALYZE -> analyze.of(empty ? null : analyzeRequest(body));
                case CLUSTER -> clustering.parameters(body);
            };
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream().map(TaskBodies::underBody).toList());
        }
    }

    private AnalyzeRequest analyzeRequest(JsonNode body) {
        try {
            return mapper.treeToValue(body, AnalyzeRequest.class);
        } catch (JacksonException e) {
            throw new ValidationException(Violation.of("Not an analyze body ({\"models\": [...]}): "
                    + e.getOriginalMessage(), "value_error.body", "body"));
        }
    }

    /** The task endpoint's ["body", x] is the schedule's ["body", "body", x]. */
    private static Violation underBody(Violation v) {
        List<Object> loc = new java.util.ArrayList<>();
        loc.add("body");
        loc.addAll(v.loc());
        return new Violation(loc, v.msg(), v.type());
    }
}
