package dev.sonority.api.tasks;

import java.util.List;

/** The optional body of {@code POST /api/v1/batch/analyze/run}: {@code {"models": ["muq", "muq_mulan"]}}. */
public record AnalyzeRequest(List<String> models) {
}
