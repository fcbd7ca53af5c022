package dev.sonority.api.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Why a result is close to the seed: how far apart tempo, key and loudness are, and the MusiCNN tags both
 * rank highly. A part is null when either song lacks that descriptor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Explanation(Tempo tempo, Key key, Loudness loudness, List<String> sharedTags) {

    /** BPM of the seed and the result, and their absolute difference. */
    record Tempo(double seedBpm, double bpm, double difference) {
    }

    /** Keys as "A minor", and how they relate: same, relative, parallel, fifth (neighbours on the circle), other. */
    record Key(String seed, String song, String relation) {
    }

    /** Integrated loudness (LUFS) of both and the absolute difference in LU. */
    record Loudness(double seedLufs, double lufs, double difference) {
    }
}
