package dev.sonority.inference.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.inference.spi.InvalidInputException;
import dev.sonority.inference.spi.WindowSelection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window placement from its definition: every hop while a window fits, one more aligned to the end. */
class WindowLayoutTest {

    private static final int SR = 100; // 100 samples per second keeps the numbers readable
    private final WindowLayout clap = new WindowLayout(10 * SR, 5 * SR, 1, true);
    private final WindowLayout mert = new WindowLayout(10 * SR, 10 * SR, SR, false);

    @Test
    void windowsCoverTheTrackWithTheLastOneAlignedToTheEnd() {
        assertThat(clap.starts(2370)).containsExactly(0, 500, 1000, 1370);
        assertThat(clap.starts(2000)).containsExactly(0, 500, 1000);   // 10 s + 10 s: the last window ends exactly
        assertThat(mert.starts(2370)).containsExactly(0, 1000, 1370);
        assertThat(mert.starts(3000)).containsExactly(0, 1000, 2000);
        assertThat(mert.starts(1000)).containsExactly(0);
    }

    @Test
    void audioMuseClapAlwaysAddsTheFinalWindowAndMulanPadsTheLast() {
        WindowLayout always = new WindowLayout(10 * SR, 5 * SR, 1, true, WindowLayout.End.ALWAYS_ALIGNED);
        // AudioMuse-AI: range(0, n - 1000 + 1, 500), then audio[-1000:] since len(segments) * 500 < n
        assertThat(always.starts(2370)).containsExactly(0, 500, 1000, 1370);
        assertThat(always.starts(2000)).containsExactly(0, 500, 1000, 1000);
        assertThat(always.starts(1000)).containsExactly(0);
        WindowLayout padded = new WindowLayout(10 * SR, 5 * SR, 1, true, WindowLayout.End.PADDED);
        // ceil((n - 1000) / 500) + 1 windows from 0: 1720 -> 3, 2000 -> 3, 2001 -> 4
        assertThat(padded.starts(1720)).containsExactly(0, 500, 1000);
        assertThat(padded.starts(2000)).containsExactly(0, 500, 1000);
        assertThat(padded.starts(2001)).containsExactly(0, 500, 1000, 1500);
        float[] samples = new float[1720];
        java.util.Arrays.fill(samples, 0.25f);
        float[] last = padded.cut(samples, SR, WindowSelection.all()).getLast();
        assertThat(last).hasSize(1000);
        assertThat(last[719]).isEqualTo(0.25f);
        assertThat(last[720]).isZero();
    }

    @Test
    void aShortTrackIsOneWindowPaddedWithZerosOrAsItIs() {
        float[] samples = new float[320];
        java.util.Arrays.fill(samples, 0.5f);
        List<float[]> padded = clap.cut(samples, SR, WindowSelection.all());
        assertThat(padded).hasSize(1);
        assertThat(padded.getFirst()).hasSize(1000);
        assertThat(padded.getFirst()[319]).isEqualTo(0.5f);
        assertThat(padded.getFirst()[320]).isZero();
        assertThat(mert.cut(samples, SR, WindowSelection.all()).getFirst()).hasSize(320);
        assertThatThrownBy(() -> mert.cut(new float[99], SR, WindowSelection.all()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1.000 s");
    }

    @Test
    void nWindowsAreTheCentreWindowsOfNEqualParts() {
        float[] track = new float[6000]; // 11 clap windows: 0, 5, ..., 50 s
        for (int i = 0; i < track.length; i++) {
            track[i] = i;
        }
        List<float[]> three = clap.cut(track, SR, new WindowSelection(3));
        // floor((2i + 1) * 11 / 6) = 1, 5, 9 -> starts 5 s, 25 s, 45 s
        assertThat(three).extracting(w -> (int) w[0]).containsExactly(500, 2500, 4500);
        assertThat(clap.cut(track, SR, new WindowSelection(50))).hasSize(11);
    }
}
