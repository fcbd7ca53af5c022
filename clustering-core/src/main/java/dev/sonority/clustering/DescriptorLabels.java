package dev.sonority.clustering;

import java.util.List;

/**
 * Labels for the mood fitness when the model has no tags (only {@code acoustic_features}): each song scores 1
 * for its tempo band (slow below 90 BPM, medium below 120, fast), its key mode (major, minor) and its energy
 * band (calm below 1/3, moderate below 2/3, energetic), 0 for the other labels; an unknown descriptor scores
 * nothing. The run's details name the source ("descriptors") so nobody reads these as MusiCNN moods.
 */
public final class DescriptorLabels {

    public static final String SOURCE = "descriptors";
    public static final List<String> NAMES = List.of("slow", "medium", "fast", "major", "minor", "calm", "moderate",
            "energetic");

    private DescriptorLabels() {
    }

    /**
     * One song's label scores, in the order of {@link #NAMES}.
     *
     * @param tempo BPM, {@code NaN} unknown
     * @param major true for a major key, false for minor, null unknown
     * @param energy in [0, 1], {@code NaN} unknown
     */
    public static double[] scores(double tempo, Boolean major, double energy) {
        double[] scores = new double[NAMES.size()];
        if (!Double.isNaN(tempo)) {
            scores[tempo < 90 ? 0 : tempo < 120 ? 1 : 2] = 1;
        }
        if (major != null) {
            scores[major ? 3 : 4] = 1;
        }
        if (!Double.isNaN(energy)) {
            scores[energy < 1.0 / 3 ? 5 : energy < 2.0 / 3 ? 6 : 7] = 1;
        }
        return scores;
    }
}
