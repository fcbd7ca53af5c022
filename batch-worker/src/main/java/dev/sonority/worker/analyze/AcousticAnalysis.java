package dev.sonority.worker.analyze;

import dev.sonority.audio.acoustic.AcousticFeatureExtractor;
import dev.sonority.audio.acoustic.AcousticFeatures;
import dev.sonority.audio.acoustic.AcousticStatistics;
import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.audio.acoustic.Descriptor;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.audio.key.KeyEstimate;
import dev.sonority.audio.key.KeyEstimator;
import dev.sonority.audio.loudness.DynamicComplexity;
import dev.sonority.audio.loudness.Loudness;
import dev.sonority.audio.loudness.LoudnessMeter;
import dev.sonority.audio.rhythm.Danceability;
import dev.sonority.contract.models.ModelName;
import dev.sonority.model.embedding.EmbeddingKind;
import dev.sonority.worker.acoustic.AcousticModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The computation of the {@code acoustic_features} model on one decoded song, without storage: the extractor, key,
 * loudness, danceability and dynamic complexity, the raw vector and (given statistics) the search vector. Every
 * descriptor is a finite number or null with its reason in the descriptors' null reasons. Thread-safe (per-thread
 * scratch buffers).
 */
final class AcousticAnalysis {

    /** The extractor keeps scratch buffers between calls, so each analysing thread has its own. */
    private final ThreadLocal<AcousticFeatureExtractor> extractors = ThreadLocal.withInitial(AcousticFeatureExtractor::new);
    private final ThreadLocal<KeyEstimator> keyEstimators = ThreadLocal.withInitial(KeyEstimator::new);
    private final ThreadLocal<LoudnessMeter> loudnessMeters =
            ThreadLocal.withInitial(() -> new LoudnessMeter(AcousticFeatureExtractor.SAMPLE_RATE));

    /** Every output of the model for one decoded song; the search vector only when {@code stats} is present. */
    ModelOutput compute(DecodedAudio audio, Optional<AcousticStatistics> stats) {
        float[] pcm = audio.samples();
        AcousticFeatures features = extractors.get().extract(pcm, audio.sampleRate());
        Map<String, float[]> vectors = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        features.unavailable().forEach((descriptor, reason) -> reasons.put(descriptor.name().toLowerCase(Locale.ROOT), reason));
        // the song_descriptors columns that come from extractor groups of another name
        copyReason(reasons, "rms", "energy");
        copyReason(reasons, "spectral_centroid", "spectral_centroid_mean");
        copyReason(reasons, "spectral_bandwidth", "spectral_bandwidth_mean");
        String silent = features.reasonUnavailable(Descriptor.MFCC);
        // silence has no descriptors but a defined raw vector, so it stays searchable (AcousticVector.silence)
        float[] raw = silent != null && silent.startsWith("silent") ? AcousticVector.silence() : AcousticVector.raw(features);
        if (raw != null) {
            vectors.put(EmbeddingKind.RAW, raw);
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
        String general = features.mfcc() == null ? features.reasonUnavailable(Descriptor.MFCC) : null;
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
            copyReason(reasons, "musical_key", "scale");
            copyReason(reasons, "musical_key", "key_strength");
        }
        Descriptors descriptors = new Descriptors(features.bpm(), features.beatConfidence(), key.key(),
                key.present() ? key.scale().label() : null, key.present() ? key.strength() : null,
                loudness.integratedLufs(), loudness.loudnessRangeLu(), features.rmsMean(), danceability,
                dynamicComplexity, features.spectralCentroidMean(), features.spectralBandwidthMean(), reasons);
        return new ModelOutput(vectors, descriptors);
    }

    private static void copyReason(Map<String, String> reasons, String from, String to) {
        String reason = reasons.get(from);
        if (reason != null) {
            reasons.put(to, reason);
        }
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v.getAsDouble() : null;
    }
}
