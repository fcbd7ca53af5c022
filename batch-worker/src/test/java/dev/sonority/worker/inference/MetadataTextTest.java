package dev.sonority.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.contract.models.MusicnnLabels;
import dev.sonority.contract.vector.VectorCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataTextTest {

    @Test
    void saysWhatAListenerWouldSearchFor() {
        MetadataText text = new MetadataText("Moonlight", "Beethoven", "Sonatas", "Classical", 1801, 54.0, "C#",
                "minor", List.of("instrumental", "beautiful"), List.of("sad", "relaxed"));
        assertThat(text.render()).isEqualTo("Moonlight by Beethoven from the album Sonatas (1801). Genre: Classical."
                + " Tempo: very slow (54 BPM). Key: C# minor. Mood: sad, relaxed. Style: instrumental, beautiful.");
    }

    @Test
    void leavesOutWhatIsUnknownAndSaysNothingWhenNothingIsKnown() {
        assertThat(new MetadataText(null, " ", null, null, null, null, null, null, List.of(), List.of()).render())
                .isNull();
        assertThat(new MetadataText(null, "Artist", null, null, null, 128.4, null, "major", List.of(), List.of())
                .render()).isEqualTo("by Artist. Tempo: fast (128 BPM).");
    }

    @Test
    void tempoWordsFollowTheMetronomeBands() {
        assertThat(MetadataText.tempoWord(60)).isEqualTo("very slow");
        assertThat(MetadataText.tempoWord(80)).isEqualTo("slow");
        assertThat(MetadataText.tempoWord(100)).isEqualTo("moderate");
        assertThat(MetadataText.tempoWord(125)).isEqualTo("fast");
        assertThat(MetadataText.tempoWord(174)).isEqualTo("very fast");
    }

    @Test
    void namesTheStrongestTagsAndTheLikelyMoods() {
        float[] tags = new float[MusicnnLabels.TAGS.size()];
        java.util.Arrays.fill(tags, 0.5f);
        tags[MusicnnLabels.TAGS.indexOf("jazz")] = 0.72f;
        tags[MusicnnLabels.TAGS.indexOf("instrumental")] = 0.70f;
        tags[MusicnnLabels.TAGS.indexOf("metal")] = 0.1f;
        assertThat(MetadataVectors.topTags(VectorCodec.encode(tags))).hasSize(5).startsWith("jazz", "instrumental")
                .doesNotContain("metal");
        float[] moods = {0.9f, 0.1f, 0.2f, 0.4f, 0.6f, 0.5f};
        assertThat(MetadataVectors.moods(VectorCodec.encode(moods))).containsExactly("danceable", "relaxed", "sad");
        assertThat(MetadataVectors.topTags(null)).isEmpty();
        assertThat(MetadataVectors.topTags(VectorCodec.encode(new float[3]))).as("wrong length").isEmpty();
    }
}
