package dev.sonority.audio.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Real music: shared/audio/minuet.mp3, the Minuet in G major from the Notebook for Anna Magdalena Bach
 * (BWV Anh. 114) played on a keyboard. Truth: the score's key, G major; a plain FFT strongest-peak histogram of the
 * decoded file (independent of this code) shows G, A, C and B natural, F sharp and no F or B flat.
 */
class MinuetKeyTest {

    @Test
    void minuetInGMajorIsGMajorAtEveryDecodeRate() throws Exception {
        String shared = System.getProperty("sonority.shared.dir");
        assumeTrue(shared != null, "sonority.shared.dir not set");
        Path minuet = Path.of(shared, "audio", "minuet.mp3");
        assumeTrue(Files.isRegularFile(minuet), "no " + minuet);
        KeyEstimator estimator = new KeyEstimator();
        for (int rate : new int[] {22_050, 44_100}) {
            float[] pcm = AudioDecoder.ffmpeg().decode(minuet, DecodeOptions.of(rate)).samples();
            KeyEstimate e = estimator.estimate(pcm, rate);
            System.out.println("minuet.mp3 at " + rate + " Hz: " + e);
            assertThat(e.key()).as("%d Hz", rate).isEqualTo("G");
            assertThat(e.scale()).as("%d Hz", rate).isEqualTo(Scale.MAJOR);
            assertThat(e.strength()).isGreaterThan(0.7);
            assertThat(e.tuningHz()).isBetween(436.0, 444.0);
        }
    }
}
