package dev.sonority.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real MP3 in the shared folder (see shared/audio/README.md: 50.3 s, mono, MPEG-1 Layer 3). */
class MinuetTest {

    /** An MP3 frame at 44.1 kHz lasts 1152 / 44100 s; decoders may differ from the container by a frame or two. */
    private static final double TWO_MP3_FRAMES = 2 * 1152 / 44_100.0;

    private final AudioDecoder decoder = AudioDecoder.ffmpeg();
    private Path minuet;

    @BeforeEach
    void findSharedAudio() {
        String shared = System.getProperty("sonority.shared.dir");
        assumeTrue(shared != null, "sonority.shared.dir not set");
        minuet = Path.of(shared, "audio", "minuet.mp3");
        assumeTrue(Files.isRegularFile(minuet), "no " + minuet);
    }

    @Test
    void decodesToTheLengthTheContainerDeclares() throws Exception {
        SourceInfo probed = decoder.probe(minuet);
        assertThat(probed.durationSeconds()).isCloseTo(50.3, within(0.05));
        assertThat(probed.codec()).isEqualTo("mp3");
        assertThat(probed.format()).isEqualTo("mp3");
        assertThat(probed.sampleRate()).isEqualTo(44_100);

        DecodedAudio audio = decoder.decode(minuet, DecodeOptions.of(16_000));

        assertThat(audio.durationSeconds()).isCloseTo(probed.durationSeconds(), within(TWO_MP3_FRAMES));
        assertThat(audio.source()).isEqualTo(probed);
        assertThat(ToneMeasure.peak(audio.samples())).isBetween(0.05, 1.0); // music, not silence or garbage
    }

    @Test
    void containerTagsAreThoseTheReadmeLists() throws Exception {
        SourceInfo info = decoder.probe(minuet);

        assertThat(info.containerTags())
                .containsEntry("artist", "Aaron Dunn")
                .containsEntry("album", "Bach's Minuet")
                .containsEntry("genre", "Classical");
        assertThat(info.containerTags().get("title")).contains("Minuet");
    }
}
