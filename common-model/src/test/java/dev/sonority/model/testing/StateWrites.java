package dev.sonority.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds SQL that changes the {@code task} or {@code song_analysis} table in a module's main sources. Their
 * state transitions belong in {@code TaskTransitions} and {@code AnalysisTransitions} (common-model); ArchUnit
 * sees only types, not the SQL in strings, so each module's test reads the source text itself.
 */
public final class StateWrites {

    /** {@code UPDATE task}, {@code INSERT INTO song_analysis}, ... across line breaks; not {@code task_id}. */
    public static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(update|insert\\s+into|delete\\s+from|merge\\s+into|truncate(\\s+table)?)\\s+(task|song_analysis)\\b");

    private StateWrites() {
    }

    /**
     * Each write found under {@code sourceRoot} as "path:line: statement", leaving out the files whose name
     * (e.g. {@code TaskTransitions.java}) is allowed.
     */
    public static List<String> outside(Path sourceRoot, Set<String> allowedFileNames) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !allowedFileNames.contains(p.getFileName().toString()))
                    .flatMap(p -> writesIn(sourceRoot, p).stream()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> writesIn(Path root, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = WRITE.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            long line = 1 + text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            found.add(root.relativize(file) + ":" + line + ": " + m.group().replaceAll("\\s+", " "));
        }
        return found;
    }
}
