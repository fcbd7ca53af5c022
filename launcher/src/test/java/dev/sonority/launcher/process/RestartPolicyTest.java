package dev.sonority.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    final AtomicLong clock = new AtomicLong();
    final RestartPolicy policy = new RestartPolicy(5, Duration.ofMinutes(10), Duration.ofSeconds(1),
            Duration.ofSeconds(10), clock::get);

    @Test
    void pausesDoubleUpToTheCeilingThenItGivesUp() {
        assertThat(policy.died()).isEqualTo(new RestartPolicy.Decision(true, Duration.ofSeconds(1), 1));
        assertThat(policy.died().pause()).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.died().pause()).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.died().pause()).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.died()).as("the fifth restart, at the ceiling")
                .isEqualTo(new RestartPolicy.Decision(true, Duration.ofSeconds(10), 5));
        assertThat(policy.died()).as("a sixth death within the window")
                .isEqualTo(new RestartPolicy.Decision(false, Duration.ZERO, 6));
    }

    @Test
    void deathsOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < 5; i++) {
            policy.died();
            clock.addAndGet(Duration.ofMinutes(3).toNanos());
        }
        // deaths at 0, 3, 6, 9, 12 min; at 15 min only 6, 9, 12 and this one are within 10 minutes
        RestartPolicy.Decision decision = policy.died();
        assertThat(decision.restart()).isTrue();
        assertThat(decision.deathsInWindow()).isEqualTo(4);
        assertThat(decision.pause()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void refusesAPolicyThatMakesNoSense() {
        assertThatThrownBy(() -> new RestartPolicy(-1, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), System::nanoTime)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy(1, Duration.ofMinutes(1), Duration.ofSeconds(5),
                Duration.ofSeconds(2), System::nanoTime)).isInstanceOf(IllegalArgumentException.class);
    }
}
