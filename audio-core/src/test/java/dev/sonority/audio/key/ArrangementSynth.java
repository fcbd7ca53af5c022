package dev.sonority.audio.key;

import dev.sonority.audio.key.ChordSynth.Timbre;
import java.util.SplittableRandom;

/**
 * Harder test material than {@link ChordSynth}: a short "song" in a known key. Eight one-second chords drawn at
 * random from the key's diatonic chords (major: I ii iii IV V vi; minor: i iv V VI III VII, V from the harmonic
 * minor), starting on the tonic and ending with the cadence V–I; chords in random inversions, lowest note G3–F#4 (piano), a bass on
 * the roots (band-limited sawtooth), a melody of four notes per chord, chord tones or scale tones (organ), white
 * noise 30 dB down and a click on every beat.
 */
final class ArrangementSynth {

    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] NATURAL_MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10};
    /** Chord roots (semitones above the tonic) and whether the chord is minor. */
    private static final int[][] MAJOR_CHORDS = {{0, 0}, {2, 1}, {4, 1}, {5, 0}, {7, 0}, {9, 1}};
    private static final int[][] MINOR_CHORDS = {{0, 1}, {5, 1}, {7, 0}, {8, 0}, {3, 0}, {10, 0}};

    private ArrangementSynth() {}

    static float[] song(int tonic, Scale scale, int sampleRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int chordSamples = sampleRate;
        int chords = 8;
        double[] out = new double[chords * chordSamples];
        int[][] pool = scale == Scale.MAJOR ? MAJOR_CHORDS : MINOR_CHORDS;
        for (int c = 0; c < chords; c++) {
            int[] chord = c == 0 || c == chords - 1 ? pool[0] : c == chords - 2 ? pool[2] : pool[random.nextInt(pool.length)];
            int rootPc = Math.floorMod(tonic + chord[0], 12);
            int[] triad = {rootPc, rootPc + (chord[1] == 1 ? 3 : 4), rootPc + 7};
            int inversion = random.nextInt(3);
            int start = c * chordSamples;
            int voice = 55 + Math.floorMod(triad[inversion] - 7, 12); // lowest chord note in G3..F#4
            for (int i = 0; i < 3; i++) {
                if (i > 0) {
                    voice += Math.floorMod(triad[(i + inversion) % 3] - voice, 12); // next chord tone above
                }
                ChordSynth.addNote(out, start, chordSamples, hz(voice), 0.5, Timbre.PIANO, sampleRate, random);
            }
            ChordSynth.addNote(out, start, chordSamples, hz(36 + rootPc), 0.7, Timbre.SAWTOOTH, sampleRate, random);
            boolean dominant = chord[0] == 7;
            int[] scaleSteps = scale == Scale.MAJOR ? MAJOR_SCALE : NATURAL_MINOR_SCALE;
            for (int m = 0; m < 4; m++) {
                int pc;
                if (random.nextDouble() < 0.7) {
                    pc = triad[random.nextInt(3)];
                } else {
                    int step = scaleSteps[random.nextInt(scaleSteps.length)];
                    if (scale == Scale.MINOR && dominant && step == 10) {
                        step = 11; // the harmonic minor's leading tone over V
                    }
                    pc = tonic + step;
                }
                int note = 72 + Math.floorMod(pc, 12);
                ChordSynth.addNote(out, start + m * chordSamples / 4, chordSamples / 4, hz(note), 0.45, Timbre.ORGAN,
                        sampleRate, random);
            }
        }
        double peak = 1e-12;
        for (double v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        float[] pcm = new float[out.length];
        int clickLength = sampleRate / 50;
        for (int i = 0; i < out.length; i++) {
            double click = i % (sampleRate / 2) < clickLength ? Math.exp(-(i % (sampleRate / 2)) / (0.004 * sampleRate)) : 0;
            double noise = 0.0158 * (2 * random.nextDouble() - 1);
            pcm[i] = (float) (0.5 * out[i] / peak + noise + 0.3 * click * (2 * random.nextDouble() - 1));
        }
        return pcm;
    }

    private static double hz(int midi) {
        return 440 * Math.pow(2, (midi - 69) / 12.0);
    }
}
