package dev.sonority.api.instant.rules;

import java.util.Set;

/**
 * Words that carry no search meaning in a playlist request ("give me some songs for ..."): dropped from the
 * text search, and never taken as a one-word artist or genre name.
 */
final class Stopwords {

    private static final Set<String> WORDS = Set.of("a", "an", "the", "and", "or", "but", "for", "of", "to", "in", "i'd", "i'll", "id",
            "on", "at", "with", "by", "from", "me", "my", "i", "i'm", "im", "we", "us", "our", "you", "your", "it",
            "its", "is", "are", "be", "was", "some", "any", "song", "songs", "music", "track", "tracks", "tune",
            "tunes", "playlist", "play", "list", "mix", "give", "make", "want", "need", "please", "that", "this",
            "these", "those", "something", "stuff", "like", "just", "only", "very", "really", "more", "less",
            "bit", "little", "lot", "lots", "good", "great", "best", "nice", "kind", "sort", "type", "style",
            "similar", "sounds", "sound", "bpm", "tempo", "mood", "genre", "artist", "artists", "era", "decade",
            "year", "years", "around", "about", "all", "get", "can", "could", "would", "should", "let",
            "let's", "lets", "put", "together", "create", "build", "show", "find", "have", "has", "as", "so",
            "too", "not", "no", "yes", "up", "out", "into", "over", "under", "than", "then", "there", "here",
            "what", "which", "who", "when", "where", "how", "while");

    private Stopwords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
