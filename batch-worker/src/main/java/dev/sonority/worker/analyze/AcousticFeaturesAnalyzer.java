package dev.sonority.worker.analyze;

import dev.sonority.audio.acoustic.AcousticFeatureExtractor;
import dev.sonority.audio.acoustic.AcousticFeatures;
import dev.sonority.audio.acoustic.AcousticStatistics;
import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.audio.key.KeyEstimate;
import dev.sonority.audio.key.KeyEstimator;
import dev.sonority.audio.loudness.DynamicComplexity;
import dev.sonority.audio.loudness.Loudness;
import dev.sonority.audio.loudness.LoudnessMeter;
import dev.sonority.audio.rhythm.Danceability;
import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.model.models.ModelName;
import dev.sonority.worker.acoustic.AcousticModel;
import dev.sonority.worker.acoustic.AcousticStatisticsStore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code acoustic_features} model (audio-core's DSP, no weights): stores the 91-value raw vector
 * ({@link AcousticVector}: Lainbow's 55 first, then timbre-over-time and production descriptors), the search
 * vector (the raw vector z-scored with the library-wide statistics, weighted, L2-normalised; written when
 * statistics for this version exist, else by the re-vectorise task that the end of the analyze task starts) and the
 * scalar descriptors: tempo and beat confidence, key and scale (audio-core's HPCP key estimator, bgate profiles),
 * loudness (EBU R128 of the mono analysis signal, channel weight 1: a stereo track with identical channels reads
 * 3.01 dB below a stereo meter, see {@link Loudness#DUAL_MONO_OFFSET_DB}), energy, danceability (DFA) and dynamic
 * complexity. A track without a detectable tempo keeps bpm null (with its reason) and gets an imputed tempo in
 * its raw vector, so it is still searchable.
 */
@Component
class AcousticFeaturesAnalyzer implements SongAnalyzer {

    /** Bump when the extractor's output changes, so every song is analysed again. */
    static final String VERSION = AcousticModel.VERSION;

    /** The extractor keeps scratch buffers between calls, so each analysing thread has its own. */
    private final ThreadLocal<AcousticFeatureExtractor> extractors = ThreadLocal.withInitial(AcousticFeatureExtractor::new);
    private final ThreadLocal<KeyEstimator> keyEstimators = ThreadLocal.withInitial(KeyEstimator::new);
    private final ThreadLocal<LoudnessMeter> loudnessMeters =
            ThreadLocal.withInitial(() -> new LoudnessMeter(AcousticFeatureExtractor.SAMPLE_RATE));
    private final AcousticStatisticsStore statistics;

    AcousticFeaturesAnalyzer(AcousticStatisticsStore statistics) {
        this.statistics = statistics;
    }

    @Override
    public ModelName model() {
        return ModelName.ACOUSTIC_FEATURES;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public int sampleRate() {
        return AcousticFeatureExtractor.SAMPLE_RATE;
    }

    @Override
    public ModelOutput analyze(DecodedAudio audio) {
        float[] pcm = audio.samples();
        AcousticFeatures features = extractors.get().extract(pcm, audio.sampleRate());
        Map<String, float[]> vectors = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        features.unavailable().forEach((descriptor, reason) -> reasons.put(descriptor.name().toLowerCase(Locale.ROOT), reason));
        float[] raw = AcousticVector.raw(features);
        if (raw != null) {
            vectors.put(EmbeddingKind.RAW, raw);
            Optional<AcousticStatistics> stats = statistics.current(VERSION);
            stats.ifPresent(s -> vectors.put(EmbeddingKind.SEARCH, AcousticModel.SEARCH.search(raw, s)));
            if (AcousticVector.bpmImputed(features)) {
                reasons.computeIfPresent("bpm", (k, reason) -> reason + "; the raw vector uses "
                        + AcousticVector.IMPUTED_BPM + " BPM (imputed) so the song stays searchable");
            }
        }
        Loudness loudness = loudnessMeters.get().measure(pcm);
        if (loudness.integratedUnavailable() != null) {
            reasons.put("loudness_lufs", loudness.integratedUnavailable());
        }
        if (loudness.loudnessRangeUnavailable() != null) {
            reasons.put("loudness_range", loudness.loudnessRangeUnavailable());
        }
        Double danceability = null;
        Double dynamicComplexity = null;
        if (features.mfcc() != null) { // not silent, long enough, finite
            danceability = value(Danceability.of(pcm, audio.sampleRate()));
            dynamicComplexity = value(DynamicComplexity.of(pcm, audio.sampleRate()));
        }
        String general = features.mfcc() == null ? features.reasonUnavailable(dev.sonority.audio.acoustic.Descriptor.MFCC) : null;
        if (danceability == null) {
            boolean shortTrack = features.durationSeconds() < 2 * Danceability.MAX_TAU_SECONDS;
            reasons.put("danceability", general != null ? general : shortTrack ? String.format(Locale.ROOT,
                    "too short for danceability: %.1f s < %.1f s", features.durationSeconds(),
                    2 * Danceability.MAX_TAU_SECONDS) : "no level fluctuation to analyse");
        }
        if (dynamicComplexity == null) {
            reasons.put("dynamic_complexity", general != null ? general : "fewer than two non-silent 0.2 s frames");
        }
        KeyEstimate key = keyEstimators.get().estimate(pcm, audio.sampleRate());
        if (!key.present()) {
            reasons.put("musical_key", key.unavailable());
        }
        Descriptors descriptors = new Descriptors(features.bpm(), features.beatConfidence(), key.key(),
                key.present() ? key.scale().label() : null, key.present() ? key.strength() : null,
                loudness.integratedLufs(), loudness.loudnessRangeLu(), features.rmsMean(), danceability,
                dynamicComplexity, features.spectralCentroidMean(), features.spectralBandwidthMean(), reasons);
        return new ModelOutput(vectors, descriptors);
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v.getAsDouble() : null;
    }
}
