package dev.sonority.inference.musicnn;

import java.util.List;

/** AudioMuse-AI's track-level values from the per-patch outputs. */
final class MusicnnPooling {

    private MusicnnPooling() {
    }

    /** The mean over patches of the 200-d embedding. */
    static float[] embedding(List<PatchOutput> patches) {
        return mean(patches.stream().map(PatchOutput::embedding).toList());
    }

    /**
     * The mean over patches of the tag scores, passed through a sigmoid once more: the head already ends in a
     * sigmoid, and AudioMuse-AI applies another one after averaging, so stored scores sit near 0.5. Kept for
     * compatibility with its published values.
     */
    static float[] tags(List<PatchOutput> patches) {
        float[] mean = mean(patches.stream().map(PatchOutput::tags).toList());
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (1 / (1 + Math.exp(-mean[i])));
        }
        return mean;
    }

    /** The mean over patches of each mood's positive-class probability. */
    static float[] moods(List<PatchOutput> patches) {
        return mean(patches.stream().map(PatchOutput::moods).toList());
    }

    private static float[] mean(List<float[]> rows) {
        double[] sum = new double[rows.getFirst().length];
        for (float[] row : rows) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += row[i];
            }
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / rows.size());
        }
        return mean;
    }
}
