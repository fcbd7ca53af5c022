package dev.sonority.api.instant.tools;

import dev.sonority.contract.models.MusicnnLabels;

/**
 * Valence and arousal of a song, read off MusiCNN's six mood probabilities (Sonority stores no valence/arousal
 * model): on Russell's circumplex, happy is high valence and sad low; aggressive and party are high arousal and
 * relaxed low. Each axis is the mean of its heads (a low one counted as {@code 1 - p}), so it lies in 0..1.
 */
final class MoodAxes {

    private static final int HAPPY = MusicnnLabels.MOODS.indexOf("happy");
    private static final int SAD = MusicnnLabels.MOODS.indexOf("sad");
    private static final int AGGRESSIVE = MusicnnLabels.MOODS.indexOf("aggressive");
    private static final int PARTY = MusicnnLabels.MOODS.indexOf("party");
    private static final int RELAXED = MusicnnLabels.MOODS.indexOf("relaxed");

    private MoodAxes() {
    }

    static double valence(float[] moods) {
        return (moods[HAPPY] + (1 - moods[SAD])) / 2;
    }

    static double arousal(float[] moods) {
        return (moods[AGGRESSIVE] + moods[PARTY] + (1 - moods[RELAXED])) / 3;
    }
}
