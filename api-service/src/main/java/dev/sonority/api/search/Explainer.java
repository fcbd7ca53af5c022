package dev.sonority.api.search;

import dev.sonority.contract.models.MusicnnLabels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/** Builds {@link Explanation}s of results against a seed from their descriptors and MusiCNN tags. */
@Component
class Explainer {

    /** How many of each song's best tags are compared. */
    static final int TOP_TAGS = 5;

    private final SongCatalog catalog;

    Explainer(SongCatalog catalog) {
        this.catalog = catalog;
    }

    Map<Long, Explanation> explain(long seed, Collection<Long> results) {
        Set<Long> ids = new HashSet<>(results);
        ids.add(seed);
        Map<Long, SongCatalog.Descriptors> descriptors = catalog.descriptors(ids);
        Map<Long, float[]> tags = catalog.tagScores(ids);
        SongCatalog.Descriptors s = descriptors.get(seed);
        float[] seedTags = tags.get(seed);
        Map<Long, Explanation> explanations = new HashMap<>();
        for (long id : results) {
            SongCatalog.Descriptors r = descriptors.get(id);
            explanations.put(id, new Explanation(tempo(s, r), key(s, r), loudness(s, r), sharedTags(seedTags,
                    tags.get(id))));
        }
        return explanations;
    }

    private static Explanation.Tempo tempo(SongCatalog.Descriptors s, SongCatalog.Descriptors r) {
        if (s == null || r == null || s.bpm() == null || r.bpm() == null) {
            return null;
        }
        return new Explanation.Tempo(s.bpm(), r.bpm(), Math.abs(s.bpm() - r.bpm()));
    }

    private static Explanation.Key key(SongCatalog.Descriptors s, SongCatalog.Descriptors r) {
        if (s == null || r == null || s.key() == null || r.key() == null) {
            return null;
        }
        String relation;
        try {
            relation = KeyRelation.of(s.key(), s.scale(), r.key(), r.scale());
        } catch (IllegalArgumentException e) {
            relation = "other";
        }
        return new Explanation.Key(name(s), name(r), relation);
    }

    private static String name(SongCatalog.Descriptors d) {
        return d.scale() == null ? d.key() : d.key() + " " + d.scale();
    }

    private static Explanation.Loudness loudness(SongCatalog.Descriptors s, SongCatalog.Descriptors r) {
        if (s == null || r == null || s.loudnessLufs() == null || r.loudnessLufs() == null) {
            return null;
        }
        return new Explanation.Loudness(s.loudnessLufs(), r.loudnessLufs(),
                Math.abs(s.loudnessLufs() - r.loudnessLufs()));
    }

    /** Tags in both songs' top {@value #TOP_TAGS}, strongest (product of the two scores) first. */
    static List<String> sharedTags(float[] seed, float[] song) {
        if (seed == null || song == null || seed.length != song.length || seed.length > MusicnnLabels.TAGS.size()) {
            return null;
        }
        Set<Integer> seedTop = new HashSet<>(top(seed));
        List<Integer> shared = new ArrayList<>(top(song).stream().filter(seedTop::contains).toList());
        shared.sort(Comparator.comparingDouble((Integer i) -> seed[i] * song[i]).reversed());
        return shared.stream().map(MusicnnLabels.TAGS::get).toList();
    }

    private static List<Integer> top(float[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()).limit(TOP_TAGS).toList();
    }
}
