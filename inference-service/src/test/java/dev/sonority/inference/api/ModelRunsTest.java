package dev.sonority.inference.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.inference.spi.InvalidInputException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModelRunsTest {

    @Test
    void theModelsOfOneRequestRunAtTheSameTime() {
        CyclicBarrier both = new CyclicBarrier(2); // run one after the other, the first would time out here
        Callable<String> first = () -> {
            both.await(10, TimeUnit.SECONDS);
            return "mert";
        };
        Callable<String> second = () -> {
            both.await(10, TimeUnit.SECONDS);
            return "muq";
        };
        assertThat(ModelRuns.all(List.of(first, second))).containsExactly("mert", "muq");
    }

    @Test
    void aModelsBadInputStaysABadInput() {
        Callable<String> fine = () -> "ok";
        Callable<String> tooShort = () -> {
            throw new InvalidInputException("too short");
        };
        assertThatThrownBy(() -> ModelRuns.all(List.of(fine, tooShort))).isInstanceOf(InvalidInputException.class)
                .hasMessage("too short");
    }
}
