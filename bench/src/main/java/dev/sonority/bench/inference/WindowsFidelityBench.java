package dev.sonority.bench.inference;

import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.audio.fixture.AlbumSynth;
import dev.sonority.bench.BenchArgs;
import dev.sonority.bench.ServiceJars;
import dev.sonority.contract.inference.AudioEmbedding;
import dev.sonority.contract.inference.EmbedAudioResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code INFERENCE_WINDOWS} costs MusiCNN in fidelity, measured against the full computation (every patch),
 * through the real inference-service jar and weights: for {@code windows} = 32, 16, 8 (and 4), which run that many
 * patches spread evenly over the track (the centre patch of N equal parts), it reports the service's core-seconds
 * per 4 minutes of audio, the cosine of each track's embedding to its full one (mean and minimum), the largest
 * difference of any tag or mood score, and overlap@10: how many of each track's 10 nearest neighbours (cosine, in
 * a generated library of {@code --albums} x {@code --tracks} AlbumSynth tracks of 2.5 to 4 minutes) stay the same.
 * The real audio of {@code ../shared/audio} is measured the same way (no neighbours: it is one file). Baseline in
 * the same run: every patch.
 *
 * <p>Run: {@code ./sonority bench musicnn-windows [--albums 8] [--tracks 5] [--models-dir ../shared/models]
 * [--audio-dir ../shared/audio] [--inference-jar ...]}.
 */
public final class WindowsFidelityBench {

    private static final int SR = InferenceBench.SR;
    private static final int[] WINDOWS = {0, 32, 16, 8, 4}; // 0 = every patch, the reference
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WindowsFidelityBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int albums = options.integer("albums", 8);
        int perAlbum = options.integer("tracks", 5);
        Path jar = ServiceJars.find("inference-service", options.text("inference-jar", null), "--inference-jar");
        Path models = Path.of(options.text("models-dir", "../shared/models")).toAbsolutePath().normalize();
        Path audioDir = Path.of(options.text("audio-dir", "../shared/audio")).toAbsolutePath().normalize();

        List<float[]> library = new ArrayList<>();
        for (int a = 0; a < albums; a++) {
            AlbumSynth.Album album = AlbumSynth.album(1000 + a);
            for (int t = 0; t < perAlbum; t++) {
                library.add(AlbumSynth.track(album, t, 150 + 22.5 * ((a * perAlbum + t) % 5), SR));
            }
        }
        List<float[]> real = new ArrayList<>();
        List<String> realNames = new ArrayList<>();
        try (var files = Files.list(audioDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".mp3") || p.toString().endsWith(".flac"))
                    .sorted().toList()) {
                real.add(AudioDecoder.ffmpeg().decode(file, DecodeOptions.of(SR)).samples());
                realNames.add(file.getFileName().toString());
            }
        }
        double librarySeconds = library.stream().mapToDouble(t -> t.length / (double) SR).sum();
        System.out.printf(Locale.ROOT, "library: %d generated tracks (%d albums), %.0f s of audio; real: %s%n",
                library.size(), albums, librarySeconds, realNames);

        try (InferenceService service = InferenceService.start(jar, models, Map.of())) {
            service.embed(InferenceService.littleEndian(library.getFirst()), query(0)); // warm-up
            AudioEmbedding[][] results = new AudioEmbedding[WINDOWS.length][];
            double[] coreSeconds = new double[WINDOWS.length];
            for (int w = 0; w < WINDOWS.length; w++) {
                double start = service.cpuSeconds();
                results[w] = embedAll(service, library, WINDOWS[w]);
                coreSeconds[w] = (service.cpuSeconds() - start) / librarySeconds * 240;
            }
            AudioEmbedding[][] realResults = new AudioEmbedding[WINDOWS.length][];
            for (int w = 0; w < WINDOWS.length; w++) {
                realResults[w] = embedAll(service, real, WINDOWS[w]);
            }
            System.out.println();
            System.out.println("| windows | core-s per 4-min track | cosine mean / min | max tag diff | max mood diff"
                    + " | overlap@10 | real audio: cosine / max tag / max mood |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int w = 0; w < WINDOWS.length; w++) {
                Agreement generated = Agreement.of(results[0], results[w]);
                Agreement measured = Agreement.of(realResults[0], realResults[w]);
                System.out.printf(Locale.ROOT, "| %s | %.2f (%.2fx all) | %.4f / %.4f | %.4f | %.4f | %.3f | %.4f / %.4f / %.4f |%n",
                        WINDOWS[w] == 0 ? "all" : Integer.toString(WINDOWS[w]), coreSeconds[w],
                        coreSeconds[w] / coreSeconds[0], generated.meanCosine, generated.minCosine,
                        generated.maxTag, generated.maxMood, overlapAt10(results[0], results[w]),
                        measured.minCosine, measured.maxTag, measured.maxMood);
            }
        }
    }

    private static String query(int windows) {
        return "sample_rate=" + SR + "&models=musicnn" + (windows == 0 ? "" : "&windows=" + windows);
    }

    private static AudioEmbedding[] embedAll(InferenceService service, List<float[]> tracks, int windows)
            throws Exception {
        AudioEmbedding[] out = new AudioEmbedding[tracks.size()];
        for (int i = 0; i < tracks.size(); i++) {
            String body = service.embed(InferenceService.littleEndian(tracks.get(i)), query(windows));
            out[i] = JSON.readValue(body, EmbedAudioResponse.class).results().get("musicnn");
        }
        return out;
    }

    /** Per-track agreement of a subsampled run with the full one. */
    private record Agreement(double meanCosine, double minCosine, double maxTag, double maxMood) {

        static Agreement of(AudioEmbedding[] full, AudioEmbedding[] part) {
            double sum = 0;
            double min = 1;
            double tag = 0;
            double mood = 0;
            for (int i = 0; i < full.length; i++) {
                double c = cosine(full[i].embedding(), part[i].embedding());
                sum += c;
                min = Math.min(min, c);
                tag = Math.max(tag, maxDiff(full[i].tags(), part[i].tags()));
                mood = Math.max(mood, maxDiff(full[i].moods(), part[i].moods()));
            }
            return new Agreement(full.length == 0 ? Double.NaN : sum / full.length, min, tag, mood);
        }
    }

    /** Mean over tracks of |top-10 neighbours under {@code part} ∩ top-10 under {@code full}| / 10. */
    static double overlapAt10(AudioEmbedding[] full, AudioEmbedding[] part) {
        double total = 0;
        for (int i = 0; i < full.length; i++) {
            int[] a = nearest(full, i, 10);
            int[] b = nearest(part, i, 10);
            int same = 0;
            for (int x : a) {
                for (int y : b) {
                    same += x == y ? 1 : 0;
                }
            }
            total += same / 10.0;
        }
        return total / full.length;
    }

    private static int[] nearest(AudioEmbedding[] all, int query, int k) {
        Integer[] order = new Integer[all.length];
        double[] score = new double[all.length];
        for (int j = 0; j < all.length; j++) {
            order[j] = j;
            score[j] = j == query ? Double.NEGATIVE_INFINITY : cosine(all[query].embedding(), all[j].embedding());
        }
        Arrays.sort(order, (x, y) -> Double.compare(score[y], score[x]));
        int[] top = new int[Math.min(k, all.length - 1)];
        for (int j = 0; j < top.length; j++) {
            top[j] = order[j];
        }
        return top;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
