package dev.sonority.inference.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowSelectionTest {

    @Test
    void allZeroAndAbsentRunEveryWindow() {
        for (String value : new String[] {null, "", "all", "ALL", "0"}) {
            assertThat(WindowSelection.parse(value).pick(5)).as(value).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void nWindowsAreTheCentresOfNEqualParts() {
        // 10 windows in 4 parts of 2.5: centres at 1.25, 3.75, 6.25, 8.75 -> floor
        assertThat(WindowSelection.parse("4").pick(10)).containsExactly(1, 3, 6, 8);
        // one window: the middle one
        assertThat(WindowSelection.parse("1").pick(80)).containsExactly(40);
        assertThat(WindowSelection.parse("1").pick(1)).containsExactly(0);
        // more asked than there are: all of them, once
        assertThat(WindowSelection.parse("9").pick(3)).containsExactly(0, 1, 2);
        // awkward sizes stay strictly increasing and inside the track
        for (int available = 1; available < 200; available += 7) {
            for (int n = 1; n <= available; n += 3) {
                int[] picked = WindowSelection.parse(Integer.toString(n)).pick(available);
                assertThat(picked).hasSize(n).isSorted().doesNotHaveDuplicates();
                assertThat(picked[n - 1]).isLessThan(available);
            }
        }
    }

    @Test
    void anythingElseIsABadRequest() {
        assertThatThrownBy(() -> WindowSelection.parse("few")).isInstanceOf(InvalidInputException.class)
                .hasMessage("windows must be 'all' or a whole number from 0 (all) to 10000, was 'few'");
        assertThatThrownBy(() -> WindowSelection.parse("-2")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WindowSelection.parse("10001")).isInstanceOf(InvalidInputException.class);
    }
}
