package dev.sonority.api.instant;

import java.util.Locale;

/**
 * The text model of these tests: a bag of words hashed into 256 dimensions, unit length. Songs get the vector of
 * the sentence the worker embeds for them (title, artist, genre, year, tempo word, moods), queries the vector of
 * their words, so text search finds songs that share words with the query, as text_minilm does, in a way a test
 * can reason about.
 */
final class WordVectors {

    static final int DIM = 256;

    private WordVectors() {
    }

    static float[] of(String text) {
        float[] vector = new float[DIM];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIM)] += 1;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1; // an empty text still needs a unit vector
            return vector;
        }
        for (int i = 0; i < DIM; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
