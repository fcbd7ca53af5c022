package dev.sonority.audio.loudness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code loudness/golden.tsv}, written by {@code loudness/reference.py} (kind, key, value per line). */
final class LoudnessGolden {

    private LoudnessGolden() {}

    /** Magnitude in dB of BS.1770-4's published 48 kHz K-weighting, by frequency in Hz. */
    static Map<Double, Double> response48k() {
        Map<Double, Double> out = new LinkedHashMap<>();
        read("response48k").forEach((k, v) -> out.put(Double.parseDouble(k), v));
        return out;
    }

    /** Values of one kind ({@code integrated}, {@code range}) by key ({@code tones@22050}). */
    static Map<String, Double> read(String kind) {
        try (InputStream in = LoudnessGolden.class.getResourceAsStream("/loudness/golden.tsv")) {
            if (in == null) {
                throw new IllegalStateException("loudness/golden.tsv is missing; run reference.py");
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t");
                if (f.length == 3 && f[0].equals(kind)) {
                    out.put(f[1], Double.parseDouble(f[2]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
