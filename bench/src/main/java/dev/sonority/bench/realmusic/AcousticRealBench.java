package dev.sonority.bench.realmusic;

import dev.sonority.audio.acoustic.AcousticFeatureExtractor;
import dev.sonority.audio.acoustic.AcousticFeatures;
import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.audio.key.KeyEstimate;
import dev.sonority.audio.key.KeyEstimator;
import dev.sonority.audio.loudness.DynamicComplexity;
import dev.sonority.audio.loudness.LoudnessMeter;
import dev.sonority.audio.rhythm.Danceability;
import dev.sonority.bench.BenchArgs;
import dev.sonority.bench.dsp.AlbumRetrieval;
import dev.sonority.bench.realmusic.RealMusicSet.Track;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./sonority bench acoustic-real [--dir ~/.cache/sonority-real-music] [--seconds 30] [--k 10] [--rows FILE]}: Sonority's
 * acoustic analysis (what the worker's AcousticAnalysis runs: the extractor, key, loudness, danceability, dynamic
 * complexity, the raw vector) on every track of the real-music set that has an Essentia row, on the same centred
 * {@code --seconds} window reference.js analysed. Prints, for the tune half, the held-out half and all:
 * tempo Acc1/Acc2 against RhythmExtractor2013 on the confident tracks (confidence >= 1.5) and on all; key
 * agreement with KeyExtractor's bgate and edma profiles and the errors by kind; same-album precision@k of the
 * acoustic search vector (queries from the half, neighbours from the whole set, statistics from the whole set;
 * Lainbow's 55 values beside it); Essentia's agreement with itself (Percival vs RhythmExtractor2013, bgate vs edma)
 * as the ceiling; and CPU seconds of Essentia's four algorithms against Sonority's whole analysis on the same
 * audio (decode excluded on both sides; Sonority's decode printed apart). {@code --rows FILE} also writes each
 * track's answers beside Essentia's.
 */
public final class AcousticRealBench {

    static final double CONFIDENT = 1.5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int SR = AcousticFeatureExtractor.SAMPLE_RATE;

    /** Sonority's answers for one track and what they cost. */
    record Result(Track track, @Nullable Double bpm, @Nullable Double beatConfidence, @Nullable MusicalKey key,
            float @Nullable [] raw, double decodeSeconds, double analysisSeconds) {
    }

    private final AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
    private final KeyEstimator keys = new KeyEstimator();
    private final LoudnessMeter loudness = new LoudnessMeter(SR);

    private AcousticRealBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        Path dir = Path.of(options.text("dir", System.getProperty("user.home") + "/.cache/sonority-real-music"));
        double seconds = options.decimal("seconds", 30);
        int k = options.integer("k", 10);
        RealMusicSet set = RealMusicSet.read(dir);
        if (set.tracks().isEmpty()) {
            throw new IllegalStateException("no track of " + dir + "/manifest.tsv has a row in reference.tsv yet");
        }
        AcousticRealBench bench = new AcousticRealBench();
        List<Result> results = new ArrayList<>();
        for (Track t : set.tracks()) {
            results.add(bench.analyse(t, seconds));
        }
        String rows = options.text("rows", null);
        if (rows != null) {
            writeRows(Path.of(rows), results);
        }
        System.out.printf(Locale.ROOT, "acoustic-real: %d tracks of %s (%d without an Essentia row yet), centred %.0f s"
                + " windows, Java %s%n", results.size(), dir, set.withoutReference(), seconds, Runtime.version());
        for (String half : List.of("tune", "held-out", "all")) {
            Predicate<Result> in = r -> half.equals("all") || r.track().half().equals(half);
            report(half, results, in, k);
        }
    }

    /** One line per track, Sonority's answers beside Essentia's, for looking at the misses. */
    private static void writeRows(Path file, List<Result> results) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        lines.add("path\talbum\thalf\tbpm\tbeat_confidence\tkey\tessentia_bpm\tessentia_confidence\tpercival_bpm\tbgate\tedma");
        for (Result r : results) {
            RealMusicSet.Reference e = r.track().reference();
            lines.add(String.join("\t", r.track().file().toString(), r.track().album(), r.track().half(), String.valueOf(r.bpm()),
                    String.valueOf(r.beatConfidence()), String.valueOf(r.key()), String.valueOf(e.rhythmBpm()),
                    String.valueOf(e.rhythmConfidence()), String.valueOf(e.percivalBpm()), e.bgate().toString(), e.edma().toString()));
        }
        java.nio.file.Files.write(file, lines);
    }

    Result analyse(Track track, double seconds) throws Exception {
        long t0 = THREADS.getCurrentThreadCpuTime();
        DecodedAudio audio = AudioDecoder.ffmpeg().decode(track.file(),
                seconds > 0 ? DecodeOptions.window(SR, Duration.ofMillis(Math.round(seconds * 1000))) : DecodeOptions.of(SR));
        long t1 = THREADS.getCurrentThreadCpuTime();
        float[] pcm = audio.samples();
        AcousticFeatures f = extractor.extract(pcm, audio.sampleRate());
        float[] raw = AcousticVector.raw(f);
        KeyEstimate key = keys.estimate(pcm, audio.sampleRate());
        loudness.measure(pcm);
        Danceability.of(pcm, audio.sampleRate());
        DynamicComplexity.of(pcm, audio.sampleRate());
        long t2 = THREADS.getCurrentThreadCpuTime();
        MusicalKey k = key.present() ? MusicalKey.parse(key.key(), key.scale() == null ? null : key.scale().label()) : null;
        return new Result(track, f.bpm(), f.beatConfidence(), k, raw, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    private static void report(String half, List<Result> all, Predicate<Result> in, int k) {
        List<Result> rs = all.stream().filter(in).toList();
        List<Result> confident = rs.stream().filter(r -> r.track().reference().rhythmConfidence() >= CONFIDENT).toList();
        long albums = rs.stream().map(r -> r.track().album()).distinct().count();
        System.out.printf(Locale.ROOT, "%n== %s: %d tracks, %d albums %s%n", half, rs.size(), albums,
                rs.stream().map(r -> r.track().album()).distinct().sorted().toList());
        System.out.printf(Locale.ROOT, "  tempo vs RhythmExtractor2013   confident (>= %.1f, %d tracks): Acc1 %.3f Acc2 %.3f"
                + "   all: Acc1 %.3f Acc2 %.3f   (no tempo: %d)%n", CONFIDENT, confident.size(),
                share(confident, r -> TempoAccuracy.acc1(r.bpm(), r.track().reference().rhythmBpm())),
                share(confident, r -> TempoAccuracy.acc2(r.bpm(), r.track().reference().rhythmBpm())),
                share(rs, r -> TempoAccuracy.acc1(r.bpm(), r.track().reference().rhythmBpm())),
                share(rs, r -> TempoAccuracy.acc2(r.bpm(), r.track().reference().rhythmBpm())),
                rs.stream().filter(r -> r.bpm() == null).count());
        System.out.printf(Locale.ROOT, "    ceiling, Percival vs RhythmExtractor2013: confident Acc1 %.3f Acc2 %.3f   all Acc1 %.3f Acc2 %.3f%n",
                share(confident, r -> TempoAccuracy.acc1(r.track().reference().percivalBpm(), r.track().reference().rhythmBpm())),
                share(confident, r -> TempoAccuracy.acc2(r.track().reference().percivalBpm(), r.track().reference().rhythmBpm())),
                share(rs, r -> TempoAccuracy.acc1(r.track().reference().percivalBpm(), r.track().reference().rhythmBpm())),
                share(rs, r -> TempoAccuracy.acc2(r.track().reference().percivalBpm(), r.track().reference().rhythmBpm())));
        confidenceLine(rs);
        keyLine("bgate", rs, r -> MusicalKey.relation(r.key(), r.track().reference().bgate()));
        keyLine("edma ", rs, r -> MusicalKey.relation(r.key(), r.track().reference().edma()));
        System.out.printf(Locale.ROOT, "    Sonority equal to bgate or edma %.3f; ceiling, edma vs bgate exact %.3f%n",
                share(rs, r -> MusicalKey.relation(r.key(), r.track().reference().bgate()) == MusicalKey.Relation.EXACT
                        || MusicalKey.relation(r.key(), r.track().reference().edma()) == MusicalKey.Relation.EXACT),
                share(rs, r -> MusicalKey.relation(r.track().reference().edma(), r.track().reference().bgate())
                        == MusicalKey.Relation.EXACT));
        retrieval(all, in, k);
        double essentia = rs.stream().mapToDouble(r -> r.track().reference().essentiaSeconds()).sum();
        double ours = rs.stream().mapToDouble(Result::analysisSeconds).sum();
        double decode = rs.stream().mapToDouble(Result::decodeSeconds).sum();
        System.out.printf(Locale.ROOT, "  speed, CPU s over the half: Essentia (rhythm + Percival + 2 keys, WebAssembly) %.1f,"
                + " Sonority's whole acoustic analysis %.1f (x%.1f faster; goal >= 10); Sonority's decode %.1f%n",
                essentia, ours, essentia / ours, decode);
    }

    /**
     * Whether Sonority's beat confidence says when its tempo is wrong (issue 17 item 4): Acc2 of the tracks at or
     * above the half's median beat confidence against those below.
     */
    private static void confidenceLine(List<Result> rs) {
        double[] c = rs.stream().filter(r -> r.beatConfidence() != null).mapToDouble(Result::beatConfidence).sorted().toArray();
        if (c.length < 2) {
            return;
        }
        double median = c[c.length / 2];
        List<Result> high = rs.stream().filter(r -> r.beatConfidence() != null && r.beatConfidence() >= median).toList();
        List<Result> low = rs.stream().filter(r -> r.beatConfidence() == null || r.beatConfidence() < median).toList();
        Predicate<Result> acc2 = r -> TempoAccuracy.acc2(r.bpm(), r.track().reference().rhythmBpm());
        System.out.printf(Locale.ROOT, "    Sonority beat confidence >= median %.2f: Acc2 %.3f (%d tracks); below: Acc2 %.3f (%d tracks)%n",
                median, share(high, acc2), high.size(), share(low, acc2), low.size());
    }

    private static void keyLine(String profile, List<Result> rs, java.util.function.Function<Result, MusicalKey.Relation> relation) {
        Map<MusicalKey.Relation, Integer> counts = new EnumMap<>(MusicalKey.Relation.class);
        rs.forEach(r -> counts.merge(relation.apply(r), 1, Integer::sum));
        StringBuilder kinds = new StringBuilder();
        for (MusicalKey.Relation kind : MusicalKey.Relation.values()) {
            kinds.append(' ').append(kind.name().toLowerCase(Locale.ROOT)).append(' ').append(counts.getOrDefault(kind, 0));
        }
        System.out.printf(Locale.ROOT, "  key vs KeyExtractor %s exact %.3f  (%s)%n", profile,
                (double) counts.getOrDefault(MusicalKey.Relation.EXACT, 0) / rs.size(), kinds.toString().trim());
    }

    private static void retrieval(List<Result> all, Predicate<Result> in, int k) {
        List<Result> searchable = all.stream().filter(r -> r.raw() != null).toList();
        List<String> albums = searchable.stream().map(r -> r.track().album()).distinct().toList();
        if (searchable.size() <= k) {
            System.out.printf(Locale.ROOT, "  same-album precision@%d: needs more than %d searchable tracks, %d so far%n", k, k, searchable.size());
            return;
        }
        int[] labels = searchable.stream().mapToInt(r -> albums.indexOf(r.track().album())).toArray();
        AlbumRetrieval set = AlbumRetrieval.of(searchable.stream().map(Result::raw).toList(), labels);
        double ours = set.precisionAt(k, AcousticVector.SEARCH, q -> in.test(searchable.get(q)));
        double lainbow = set.precisionAt(k, AcousticVector.LAINBOW_55, q -> in.test(searchable.get(q)));
        System.out.printf(Locale.ROOT, "  same-album precision@%d (neighbours from all %d searchable tracks): acoustic_features"
                + " search %.3f, Lainbow 55 %.3f; musicnn not measured here%n", k, searchable.size(), ours, lainbow);
    }

    private static double share(List<Result> rs, Predicate<Result> hit) {
        return rs.isEmpty() ? Double.NaN : (double) rs.stream().filter(hit).count() / rs.size();
    }
}
