package dev.sonority.worker.analyze;

import dev.sonority.audio.acoustic.AcousticFeatureExtractor;
import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.audio.loudness.Loudness;
import dev.sonority.contract.models.ModelName;
import dev.sonority.worker.acoustic.AcousticModel;
import dev.sonority.worker.acoustic.AcousticStatisticsStore;
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

    private final AcousticAnalysis analysis = new AcousticAnalysis();
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
        return analysis.compute(audio, statistics.current(VERSION));
    }
}
