package dev.sonority.audio.key;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthesises chord progressions in a known key: closed triads rooted in octave 4 over a bass note in octave 2,
 * one chord every {@code secondsPerChord}, with several additive timbres. The key a signal is written in is the
 * truth the key tests compare against.
 */
final class ChordSynth {

    /** Additive timbres: which partials sound, how loud, how they decay. */
    enum Timbre {
        /** Six harmonics at 0.6^(h-1), steady. */
        SINE_PARTIALS,
        /** Every harmonic up to 10 kHz at 1/h (a band-limited sawtooth), steady. */
        SAWTOOTH,
        /** Harmonics at 1/h^1.3 up to 5 kHz, stretched (inharmonicity B = 3e-4), struck: exponential decay, faster for high partials. */
        PIANO,
        /** Odd harmonics 1, 3, 5, 7, 9 at 1/h (a closed pipe), steady. */
        ORGAN
    }

    /** A chord of a progression: its root in semitones above the tonic, and whether its third is minor. */
    record Chord(int rootAboveTonic, boolean minor) {}

    static final List<Chord> MAJOR_I_IV_V_I = List.of(
            new Chord(0, false), new Chord(5, false), new Chord(7, false), new Chord(0, false));
    static final List<Chord> MAJOR_I_VI_IV_V = List.of(
            new Chord(0, false), new Chord(9, true), new Chord(5, false), new Chord(7, false));
    /** i–iv–V–i with the harmonic minor's major dominant. */
    static final List<Chord> MINOR_I_IV_V_I = List.of(
            new Chord(0, true), new Chord(5, true), new Chord(7, false), new Chord(0, true));
    static final List<Chord> MINOR_I_VI_IV_V = List.of(
            new Chord(0, true), new Chord(8, false), new Chord(5, true), new Chord(7, false));

    private ChordSynth() {}

    /**
     * The progression {@code chords} in the key whose tonic is pitch class {@code tonic} (0 = C), tuned to
     * A4 = {@code referenceHz}, peak-normalised to 0.5.
     */
    static float[] progression(List<Chord> chords, int tonic, Timbre timbre, double secondsPerChord,
            int sampleRate, double referenceHz, long seed) {
        int chordSamples = (int) Math.round(secondsPerChord * sampleRate);
        double[] out = new double[chordSamples * chords.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < chords.size(); c++) {
            Chord chord = chords.get(c);
            int rootPc = Math.floorMod(tonic + chord.rootAboveTonic(), 12);
            int root = 60 + rootPc;
            int[] notes = {36 + rootPc, root, root + (chord.minor() ? 3 : 4), root + 7};
            for (int i = 0; i < notes.length; i++) {
                double level = (i == 0 ? 0.8 : 0.6) * (0.85 + 0.3 * random.nextDouble());
                double hz = referenceHz * Math.pow(2, (notes[i] - 69) / 12.0);
                addNote(out, c * chordSamples, chordSamples, hz, level, timbre, sampleRate, random);
            }
        }
        double peak = 1e-12;
        for (double v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        float[] pcm = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            pcm[i] = (float) (0.5 * out[i] / peak);
        }
        return pcm;
    }

    /** Adds one note of {@code timbre} at {@code f0} Hz from sample {@code start} for {@code length} samples. */
    static void addNote(double[] out, int start, int length, double f0, double level, Timbre timbre,
            int sampleRate, SplittableRandom random) {
        double nyquistGuard = 0.45 * sampleRate;
        for (int h = 1; h <= 200; h++) {
            double f = switch (timbre) {
                case PIANO -> h * f0 * Math.sqrt(1 + 3e-4 * h * h);
                case SINE_PARTIALS, SAWTOOTH, ORGAN -> h * f0;
            };
            double amplitude = switch (timbre) {
                case SINE_PARTIALS -> h <= 6 ? Math.pow(0.6, h - 1) : 0;
                case SAWTOOTH -> f <= 10_000 ? 1.0 / h : 0;
                case PIANO -> f <= 5000 ? Math.pow(h, -1.3) : 0;
                case ORGAN -> h <= 9 && (h & 1) == 1 ? 1.0 / h : 0;
            };
            if (f >= nyquistGuard || amplitude == 0) {
                continue;
            }
            double decaySeconds = timbre == Timbre.PIANO ? 0.8 / (1 + 0.25 * (h - 1)) : Double.POSITIVE_INFINITY;
            addPartial(out, start, length, f, level * amplitude, decaySeconds, sampleRate, random.nextDouble() * 2 * Math.PI);
        }
    }

    /** One sinusoid with a 10 ms linear attack and release and an exponential decay, by a rotation recurrence. */
    private static void addPartial(double[] out, int start, int length, double hz, double amplitude,
            double decaySeconds, int sampleRate, double phase) {
        double w = 2 * Math.PI * hz / sampleRate;
        double cosW = Math.cos(w);
        double sinW = Math.sin(w);
        double re = Math.cos(phase);
        double im = Math.sin(phase);
        double decay = Double.isInfinite(decaySeconds) ? 1 : Math.exp(-1.0 / (decaySeconds * sampleRate));
        double envelope = amplitude;
        int ramp = sampleRate / 100;
        for (int i = 0; i < length; i++) {
            double edge = Math.min(1, Math.min(i, length - 1 - i) / (double) ramp);
            out[start + i] += envelope * edge * im;
            double nextRe = re * cosW - im * sinW;
            im = re * sinW + im * cosW;
            re = nextRe;
            envelope *= decay;
        }
    }
}
