package dev.sonority.bench.realmusic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The development set as {@code fetch.sh} and {@code reference.js} leave it: {@code manifest.tsv} (path, album,
 * half, format, seconds) joined with Essentia's {@code reference.tsv} by path. Tracks without a reference row are
 * counted, not analysed (reference.js resumes, so a partial table is usable).
 */
public record RealMusicSet(Path dir, List<Track> tracks, int withoutReference) {

    /** Essentia's answers for one track (see reference.js for the algorithms and their parameters). */
    public record Reference(double rhythmBpm, double rhythmConfidence, double percivalBpm, MusicalKey bgate,
            MusicalKey edma, double essentiaSeconds) {
    }

    /** One file of the set. */
    public record Track(Path file, String album, String half, String format, Reference reference) {
    }

    public static RealMusicSet read(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.tsv");
        Path referenceTable = dir.resolve("reference.tsv");
        for (Path p : List.of(manifest, referenceTable)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p + " is missing: build the set with bench/real-music/fetch.sh " + dir
                        + " and label it with bench/real-music/reference.js " + dir + " (see docs/benchmarks.md)");
            }
        }
        Map<String, Reference> references = new HashMap<>();
        for (Map<String, String> row : rows(referenceTable)) {
            references.put(row.get("path"), new Reference(
                    Double.parseDouble(row.get("rhythm_bpm")), Double.parseDouble(row.get("rhythm_confidence")),
                    Double.parseDouble(row.get("percival_bpm")),
                    MusicalKey.parse(row.get("bgate_key"), row.get("bgate_scale")),
                    MusicalKey.parse(row.get("edma_key"), row.get("edma_scale")),
                    Double.parseDouble(row.get("essentia_seconds"))));
        }
        List<Track> tracks = new ArrayList<>();
        int missing = 0;
        for (Map<String, String> row : rows(manifest)) {
            Reference reference = references.get(row.get("path"));
            if (reference == null) {
                missing++;
                continue;
            }
            tracks.add(new Track(dir.resolve(row.get("path")), row.get("album"), row.get("half"), row.get("format"), reference));
        }
        return new RealMusicSet(dir, List.copyOf(tracks), missing);
    }

    private static List<Map<String, String>> rows(Path table) throws IOException {
        List<String> lines = Files.readAllLines(table);
        String[] header = lines.getFirst().split("\t");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != header.length) {
                throw new IllegalStateException(table + ": " + cells.length + " cells where the header has "
                        + header.length + ": " + line);
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
