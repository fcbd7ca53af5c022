package dev.sonority.api.search;

import dev.sonority.contract.models.MusicnnLabels;
import java.util.Locale;

/**
 * MusiCNN's six moods as filters and discovery read them. A song is <em>strong</em> in a mood when that mood's
 * probability is at least one half: the head is a two-way classifier, so one half is "more likely than not", and
 * it is the threshold AudioMuse-AI matches moods with ({@code MOOD_SCORE_MATCH_THRESHOLD}). The {@code moods}
 * filter, mood counts and mood centroids all use this one threshold, so "songs strong in happy" means the same
 * everywhere.
 */
public final class Moods {

    public static final float STRONG = 0.5f;

    private Moods() {
    }

    /** The index of a mood in the stored mood vectors ({@link MusicnnLabels#MOODS} order), or -1. */
    public static int index(String name) {
        return name == null ? -1 : MusicnnLabels.MOODS.indexOf(name.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether a song with these mood probabilities is strong in mood {@code index}. */
    public static boolean strong(float[] scores, int index) {
        return index < scores.length && scores[index] >= STRONG;
    }

    /** "Unknown mood 'x'; valid moods: danceable, aggressive, happy, party, relaxed, sad". */
    public static String unknown(String name) {
        return "Unknown mood '" + name + "'; valid moods: " + String.join(", ", MusicnnLabels.MOODS);
    }
}
