package dev.sonority.launcher.command;

import dev.sonority.launcher.client.TaskSnapshot;
import java.util.Locale;

/** How a task type is shown: the API's routing key, the progress label and what it counts. */
enum TaskKind {
    SCAN("scan", "Scanning", "files"),
    VACUUM("vacuum", "Vacuuming", "songs"),
    ANALYZE("analyze", "Analysing", "songs");

    final String type;
    final String label;
    final String unit;

    TaskKind(String type, String label, String unit) {
        this.type = type;
        this.label = label;
        this.unit = unit;
    }

    /** From a task's name ("Library Scan", "Analyze Songs", ...); analysis when unsure. */
    static TaskKind of(TaskSnapshot task) {
        String name = task.name() == null ? "" : task.name().toLowerCase(Locale.ROOT);
        return name.contains("scan") ? SCAN : name.contains("vacuum") ? VACUUM : ANALYZE;
    }
}
