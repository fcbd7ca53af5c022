package dev.sonority.api.discovery.path;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A path under construction: its last song, where it stands, and the state it grew from. States share their
 * beginnings, so a beam of them costs one small object per song; what a path has used is read back along the
 * chain ({@link PathGraph#allows}).
 *
 * @param layer the layer of the last song; -1 for the start song; a state that left layers out keeps the layer
 *     of its last song
 * @param index the last song's index in its layer (0 for the start song)
 * @param artist the last song's artist code ({@link PathGraph#NONE} for none)
 * @param work the last song's work code
 * @param step the angular distance from the song before to this one (0 for the start song)
 */
record PathState(PathState parent, PathSong song, int layer, int index, int artist, int work, double step,
        double largest, double total) {

    static PathState start(PathSong from) {
        return new PathState(null, from, -1, 0, PathGraph.NONE, PathGraph.NONE, 0, 0, 0);
    }

    PathState then(PathSong next, int nextLayer, int nextIndex, int nextArtist, int nextWork, double nextStep) {
        return new PathState(this, next, nextLayer, nextIndex, nextArtist, nextWork, nextStep,
                Math.max(largest, nextStep), total + nextStep);
    }

    /** The songs from the first to this one. */
    List<PathSong> songs() {
        List<PathSong> songs = new ArrayList<>();
        for (PathState state = this; state != null; state = state.parent) {
            songs.add(state.song);
        }
        Collections.reverse(songs);
        return songs;
    }
}
