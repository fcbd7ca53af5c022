package dev.sonority.worker.analyze;

import dev.sonority.audio.acoustic.AcousticFeatureExtractor;
import dev.sonority.audio.acoustic.AcousticFeatures;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.audio.key.KeyEstimate;
import dev.sonority.audio.key.KeyEstimator;
import dev.sonority.audio.loudness.Loudness;
import dev.sonority.audio.loudness.LoudnessMeter;
import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.model.models.ModelName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code acoustic_features} model (audio-core's DSP, no weights): stores Lainbow's 55 raw
 * values as the {@code raw} vector and the scalar descriptors: tempo, key and scale (audio-core's HPCP key
 * estimator, bgate profiles), loudness (EBU R128 of the mono
 * analysis signal, channel weight 1: a stereo track with identical channels reads 3.01 dB below a stereo
 * meter, see {@link Loudness#DUAL_MONO_OFFSET_DB}). The library-wide z-scoring that turns raw
 * values into a search vector is a job of its own (it needs statistics over every song).
 */
@Component
class AcousticFeaturesAnalyzer implements SongAnalyzer {

    /** Bump when the extractor's output changes, so every song is analysed again. */
    static final String VERSION = "acoustic-3";

    /** Descriptors of the schema this model version does not compute yet (stored as null with this reason). */
    private static final List<String> NOT_COMPUTED = List.of("beat_confidence", "danceability", "dynamic_complexity");

    /** The extractor keeps scratch buffers between calls, so each analysing thread has its own. */
    private final ThreadLocal<AcousticFeatureExtractor> extractors = ThreadLocal.withInitial(AcousticFeatureExtractor::new);
    private final ThreadLocal<KeyEstimator> keyEstimators = ThreadLocal.withInitial(KeyEstimator::new);
    private final ThreadLocal<LoudnessMeter> loudnessMeters =
            ThreadLocal.withInitial(() -> new LoudnessMeter(AcousticFeatureExtractor.SAMPLE_RATE));

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
        AcousticFeatures features = extractors.get().extract(audio.samples(), audio.sampleRate());
        Map<String, float[]> vectors = new LinkedHashMap<>();
        float[] raw = features.lainbow55();
        if (raw != null) {
            vectors.put(EmbeddingKind.RAW, raw);
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        features.unavailable().forEach((descriptor, reason) -> reasons.put(descriptor.name().toLowerCase(Locale.ROOT), reason));
        Loudness loudness = loudnessMeters.get().measure(audio.samples());
        if (loudness.integratedUnavailable() != null) {
            reasons.put("loudness_lufs", loudness.integratedUnavailable());
        }
        if (loudness.loudnessRangeUnavailable() != null) {
            reasons.put("loudness_range", loudness.loudnessRangeUnavailable());
        }
        for (String notYet : NOT_COMPUTED) {
            reasons.put(notYet, "not computed by " + VERSION);
        }
        KeyEstimate key = keyEstimators.get().estimate(audio.samples(), audio.sampleRate());
        if (!key.present()) {
            reasons.put("musical_key", key.unavailable());
        }
        Descriptors descriptors = new Descriptors(features.bpm(), null, key.key(),
                key.present() ? key.scale().label() : null, key.present() ? key.strength() : null,
                loudness.integratedLufs(), loudness.loudnessRangeLu(), features.rmsMean(), null, null,
                features.spectralCentroidMean(), features.spectralBandwidthMean(), reasons);
        return new ModelOutput(vectors, descriptors);
    }

}
