package dev.sonority.api.discovery.path;

/** Where a path starts or ends: a song, or the song most typical of a mood. */
public sealed interface PathEnd {

    /** A song, by its numeric id and the path the client gave. */
    record Song(long id, String path) implements PathEnd {
    }

    /**
     * A MusiCNN mood: the song strong in it that lies nearest its centroid in the answering model's space, so the
     * path starts (or ends) with the mood's most typical song.
     */
    record Mood(String name) implements PathEnd {
    }
}
