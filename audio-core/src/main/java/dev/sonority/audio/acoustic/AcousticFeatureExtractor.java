package dev.sonority.audio.acoustic;

import dev.sonority.audio.dsp.ChromaFilterbank;
import dev.sonority.audio.dsp.Decibels;
import dev.sonority.audio.dsp.Delta;
import dev.sonority.audio.dsp.MelFilterbank;
import dev.sonority.audio.dsp.Mfcc;
import dev.sonority.audio.dsp.OnsetPeaks;
import dev.sonority.audio.dsp.OnsetStrength;
import dev.sonority.audio.dsp.SpectralContrast;
import dev.sonority.audio.dsp.SpectralShape;
import dev.sonority.audio.dsp.Statistics;
import dev.sonority.audio.dsp.Stft;
import dev.sonority.audio.dsp.TempoEstimator;
import dev.sonority.audio.dsp.TimeDomain;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Computes {@link AcousticFeatures} from mono float PCM at 22 050 Hz with librosa's default analysis (n_fft 2048,
 * hop 512, periodic Hann, centred zero-padded frames, 128 Slaney mel bands, 13 MFCCs, 12 chroma with tuning 0):
 * one STFT pass feeds every spectral descriptor; the dB mel spectrogram (top_db relative to the whole track)
 * feeds the MFCCs and the onset envelope, which feeds tempo and onset rate; the onset envelope of the bands below
 * 500 Hz chooses the tempo's metrical level ({@link dev.sonority.audio.dsp.MetricalLevel}), with the onset envelope of
 * the bands above 3 kHz (hi-hats) keeping a beat with sixteenth-note hi-hats from reading as its eighth notes.
 *
 * <p>Degenerate input gives {@code null} descriptors with reasons, never NaN: non-finite samples, less than one
 * second, or silence (peak deviation from the mean below -90 dBFS) leave everything missing; no detectable onsets
 * leave tempo missing. A DC offset above -40 dBFS is subtracted first; clipping (more than 0.1 % of samples at full
 * scale) is reported as a warning.
 *
 * <p>One instance keeps its FFT plans and per-track buffers (grown, never shrunk) between calls: reuse it on one
 * thread; it is not thread-safe. A 4-minute track needs about 16 MB of buffers.
 */
public final class AcousticFeatureExtractor {

    public static final int SAMPLE_RATE = 22_050;
    public static final int FFT_SIZE = 2048;
    public static final int HOP = 512;
    public static final int MEL_BANDS = 128;
    public static final int MFCC_COUNT = 13;
    public static final int CHROMA_COUNT = 12;
    /** Spectral contrast values per frame: 6 octave bands above 200 Hz and the band below. */
    public static final int CONTRAST_BANDS = SpectralContrast.BANDS + 1;
    /** Shorter input is not analysed. */
    public static final double MIN_SECONDS = 1.0;
    /** Peak level (after DC removal) below which input counts as silence: -90 dBFS. */
    public static final double SILENCE_PEAK = Math.pow(10, -90 / 20.0);
    /**
     * DC offsets above this (-40 dBFS) are subtracted before analysis; smaller ones are left alone, so that the
     * values stay librosa's (the mean of one second of full-scale noise is already about 0.002).
     */
    public static final double DC_LIMIT = 1e-2;
    /** Frame levels below this are counted as this (digital silence between notes would be -inf dB). */
    public static final double LEVEL_FLOOR_DB = -100.0;
    /** |x| at or above this counts as a full-scale (clipped) sample. */
    public static final double FULL_SCALE = 0.999;

    /** Upper edge of the low-band accent envelope (mel bands below it: kick, bass, snare body). */
    public static final double ACCENT_MAX_HZ = 500.0;
    /** Slaney mel bands of 0-11 025 Hz below {@link #ACCENT_MAX_HZ}: band k is centred near 25.8 (k + 1) Hz. */
    private static final int ACCENT_BANDS = 19;
    /**
     * First Slaney mel band of the cymbal envelope (hi-hats, cymbals): band 80 starts near 3.0 kHz, above a
     * kick's and most of a snare's body, so the envelope shows the fast pulse the drummer plays between the beats.
     */
    private static final int CYMBAL_FIRST_BAND = 80;
    private static final int BINS = FFT_SIZE / 2 + 1;
    private static final double BIN_HZ = (double) SAMPLE_RATE / FFT_SIZE;

    private final Stft stft = new Stft(FFT_SIZE, HOP);
    private final MelFilterbank mel = MelFilterbank.librosaDefault(SAMPLE_RATE, FFT_SIZE, MEL_BANDS);
    private final ChromaFilterbank chromaBank = ChromaFilterbank.of(SAMPLE_RATE, FFT_SIZE);
    private final Mfcc mfccTransform = new Mfcc(MFCC_COUNT, MEL_BANDS);
    private final SpectralContrast contrast = new SpectralContrast(SAMPLE_RATE, FFT_SIZE);
    private final TempoEstimator tempo = TempoEstimator.librosaDefault(SAMPLE_RATE, HOP);
    private final double[] power = new double[BINS];
    private final double[] magnitude = new double[BINS];

    private float[] centred = new float[0];
    private double[] melDb = new double[0];
    private double[] mfccFrames = new double[0];
    private double[] deltaFrames = new double[0];
    private double[] chromaFrames = new double[0];
    private double[] onset = new double[0];
    private double[] accent = new double[0];
    private double[] cymbals = new double[0];
    private double[] centroid = new double[0];
    private double[] bandwidth = new double[0];
    private double[] rolloff = new double[0];
    private double[] flatness = new double[0];
    private double[] zcr = new double[0];
    private double[] rms = new double[0];
    private double[] contrastPeak = new double[0];
    private double[] contrastValley = new double[0];
    private double[] blockEnergy = new double[0];
    private int[] blockCrossings = new int[0];

    /** Features of {@code samples}, which must be mono at {@code sampleRate} = 22 050 Hz. */
    public AcousticFeatures extract(float[] samples, int sampleRate) {
        if (sampleRate != SAMPLE_RATE) {
            throw new IllegalArgumentException("acoustic features need " + SAMPLE_RATE + " Hz PCM, got " + sampleRate + " Hz");
        }
        return extract(samples);
    }

    /** Features of mono PCM at 22 050 Hz. */
    public AcousticFeatures extract(float[] samples) {
        double duration = (double) samples.length / SAMPLE_RATE;
        InputCheck check = InputCheck.of(samples);
        List<String> warnings = new ArrayList<>();
        if (check.nonFinite() > 0) {
            return allMissing(duration, check.nonFinite() + " samples are NaN or infinite", warnings);
        }
        if (duration < MIN_SECONDS) {
            return allMissing(duration, String.format(Locale.ROOT, "too short: %.3f s < %.1f s", duration, MIN_SECONDS), warnings);
        }
        float[] y = samples;
        if (Math.abs(check.mean()) > DC_LIMIT) {
            warnings.add(String.format(Locale.ROOT, "DC offset %.4f removed", check.mean()));
            y = removeDc(samples, check.mean());
        }
        double peak = check.peakAround(check.mean());
        if (peak < SILENCE_PEAK) {
            return allMissing(duration, String.format(Locale.ROOT, "silent: peak %.1f dBFS < -90 dBFS",
                    20 * Math.log10(Math.max(peak, 1e-300))), warnings);
        }
        if (check.fullScale() > 0.001 * samples.length) {
            warnings.add(String.format(Locale.ROOT, "clipping: %.2f %% of samples at full scale",
                    100.0 * check.fullScale() / samples.length));
        }
        int frames = stft.frameCount(y.length);
        grow(frames);
        analyseFrames(y, frames);
        return summarise(duration, frames, warnings);
    }

    private void analyseFrames(float[] y, int frames) {
        for (int t = 0; t < frames; t++) {
            stft.power(y, t, power);
            for (int k = 0; k < BINS; k++) {
                magnitude[k] = Math.sqrt(power[k]);
            }
            double c = SpectralShape.centroidHz(magnitude, BINS, BIN_HZ);
            centroid[t] = c;
            bandwidth[t] = SpectralShape.bandwidthHz(magnitude, BINS, BIN_HZ, c, 2.0);
            rolloff[t] = SpectralShape.rolloffHz(magnitude, BINS, BIN_HZ, SpectralShape.ROLLOFF_PERCENT);
            flatness[t] = SpectralShape.flatness(power, BINS, Decibels.AMIN);
            contrast.peakValley(magnitude, contrastPeak, contrastValley, t * CONTRAST_BANDS);
            mel.apply(power, melDb, t * MEL_BANDS);
            chromaBank.apply(power, chromaFrames, t * CHROMA_COUNT);
            ChromaFilterbank.normalizeMax(chromaFrames, t * CHROMA_COUNT, (t + 1) * CHROMA_COUNT);
        }
        TimeDomain.rmsAll(y, FFT_SIZE, HOP, frames, blockEnergy, rms);
        TimeDomain.zeroCrossingRateAll(y, FFT_SIZE, HOP, frames, blockCrossings, zcr);
        Decibels.powerToDb(melDb, 0, frames * MEL_BANDS);
        for (int t = 0; t < frames; t++) {
            mfccTransform.apply(melDb, t * MEL_BANDS, mfccFrames, t * MFCC_COUNT);
        }
        Delta.compute(mfccFrames, frames, MFCC_COUNT, deltaFrames);
        OnsetStrength.fromDbMel(melDb, frames, MEL_BANDS, 1, FFT_SIZE, HOP, onset);
        accentEnvelope(frames);
        int contrastValues = frames * CONTRAST_BANDS;
        Decibels.powerToDb(contrastPeak, 0, contrastValues);
        Decibels.powerToDb(contrastValley, 0, contrastValues);
        for (int i = 0; i < contrastValues; i++) {
            contrastPeak[i] -= contrastValley[i]; // contrast in dB, in place of the peaks
        }
    }

    private AcousticFeatures summarise(double duration, int frames, List<String> warnings) {
        Map<Descriptor, String> unavailable = new EnumMap<>(Descriptor.class);
        int onsets = OnsetPeaks.count(onset, frames, SAMPLE_RATE, HOP);
        Double bpm = null;
        double beatConfidence = 0.0;
        if (onsets < 2) {
            unavailable.put(Descriptor.BPM, "no tempo: " + onsets + " onset(s) detected, at least 2 needed");
        } else {
            OptionalDouble estimate = tempo.estimateBpm(onset, accent, cymbals, frames);
            if (estimate.isPresent()) {
                bpm = estimate.getAsDouble();
                beatConfidence = tempo.beatConfidence(onset, frames, bpm);
            } else {
                unavailable.put(Descriptor.BPM, "no tempo: the onset envelope has no periodicity");
            }
        }
        return new AcousticFeatures(duration, bpm,
                meanStd(centroid, frames), meanStd(bandwidth, frames),
                vectorStats(mfccFrames, frames, MFCC_COUNT), vectorStats(chromaFrames, frames, CHROMA_COUNT),
                Statistics.mean(rms, 0, 1, frames), Statistics.mean(zcr, 0, 1, frames),
                meanStd(rolloff, frames), meanStd(flatness, frames),
                onsets / duration, vectorStats(deltaFrames, frames, MFCC_COUNT),
                vectorStats(contrastPeak, frames, CONTRAST_BANDS), beatConfidence, levelStats(frames), unavailable, warnings);
    }

    /**
     * The envelope the metrical level is chosen on: the onset strength of the mel bands below
     * {@link #ACCENT_MAX_HZ} (kick, bass, the body of a snare). Full-band spectral flux counts a hi-hat, whose rise
     * spreads over many high bands, as a stronger onset than the kick drum, so on it the off-beat hi-hats of a
     * four-on-the-floor pattern look like beats. Beside it, the onset strength of the bands from
     * {@link #CYMBAL_FIRST_BAND} up, where the hi-hats play the subdivisions of the beat.
     */
    private void accentEnvelope(int frames) {
        OnsetStrength.fromDbMelBands(melDb, frames, MEL_BANDS, 0, ACCENT_BANDS, 1, FFT_SIZE, HOP, accent);
        OnsetStrength.fromDbMelBands(melDb, frames, MEL_BANDS, CYMBAL_FIRST_BAND, MEL_BANDS - CYMBAL_FIRST_BAND,
                1, FFT_SIZE, HOP, cymbals);
    }


    /** Mean and std of the frame RMS in dB (floor {@link #LEVEL_FLOOR_DB}), over all frames. */
    private MeanStd levelStats(int frames) {
        double sum = 0;
        double sumSquares = 0;
        for (int t = 0; t < frames; t++) {
            double db = Math.max(LEVEL_FLOOR_DB, 20 * Math.log10(Math.max(rms[t], 1e-300)));
            sum += db;
            sumSquares += db * db;
        }
        double mean = sum / frames;
        return new MeanStd(mean, Math.sqrt(Math.max(0.0, sumSquares / frames - mean * mean)));
    }

    private static MeanStd meanStd(double[] values, int frames) {
        double mean = Statistics.mean(values, 0, 1, frames);
        return new MeanStd(mean, Statistics.std(values, 0, 1, frames, mean));
    }

    private static VectorStats vectorStats(double[] values, int frames, int dims) {
        double[] means = new double[dims];
        double[] stds = new double[dims];
        for (int d = 0; d < dims; d++) {
            means[d] = Statistics.mean(values, d, dims, frames);
            stds[d] = Statistics.std(values, d, dims, frames, means[d]);
        }
        return new VectorStats(means, stds);
    }

    private static AcousticFeatures allMissing(double duration, String reason, List<String> warnings) {
        Map<Descriptor, String> unavailable = new EnumMap<>(Descriptor.class);
        for (Descriptor d : Descriptor.values()) {
            unavailable.put(d, reason);
        }
        return new AcousticFeatures(duration, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, unavailable, warnings);
    }

    private float[] removeDc(float[] samples, double mean) {
        if (centred.length != samples.length) {
            centred = new float[samples.length]; // the frame code reads the array's length, so it must fit exactly
        }
        float[] out = centred;
        for (int i = 0; i < samples.length; i++) {
            out[i] = (float) (samples[i] - mean);
        }
        return out;
    }

    private void grow(int frames) {
        if (centroid.length >= frames) {
            return;
        }
        int n = Math.max(frames, centroid.length + centroid.length / 2);
        melDb = new double[n * MEL_BANDS];
        mfccFrames = new double[n * MFCC_COUNT];
        deltaFrames = new double[n * MFCC_COUNT];
        chromaFrames = new double[n * CHROMA_COUNT];
        onset = new double[n];
        accent = new double[n];
        cymbals = new double[n];
        centroid = new double[n];
        bandwidth = new double[n];
        rolloff = new double[n];
        flatness = new double[n];
        zcr = new double[n];
        rms = new double[n];
        contrastPeak = new double[n * CONTRAST_BANDS];
        contrastValley = new double[n * CONTRAST_BANDS];
        blockEnergy = new double[n];
        blockCrossings = new int[n];
    }

    /** One pass over the input: non-finite count, mean, peak around a level, full-scale count. */
    private record InputCheck(int nonFinite, double mean, double max, double min, int fullScale) {
        static InputCheck of(float[] x) {
            int nonFinite = 0;
            int fullScale = 0;
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (float v : x) {
                if (!Float.isFinite(v)) {
                    nonFinite++;
                    continue;
                }
                sum += v;
                max = Math.max(max, v);
                min = Math.min(min, v);
                if (Math.abs(v) >= FULL_SCALE) {
                    fullScale++;
                }
            }
            return new InputCheck(nonFinite, x.length == 0 ? 0 : sum / x.length, max, min, fullScale);
        }

        double peakAround(double level) {
            return Math.max(max - level, level - min);
        }
    }
}
