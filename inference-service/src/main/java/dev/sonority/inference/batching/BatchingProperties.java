package dev.sonority.inference.batching;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Settings under {@code sonority.inference.batch}.
 *
 * @param max the most items (windows or texts) one graph run gets (INFERENCE_BATCH_MAX)
 * @param maxWait how long a batch's first item waits for more items (INFERENCE_BATCH_WAIT, e.g. 5ms); a plain
 *        number is milliseconds, which is what the older INFERENCE_BATCH_WAIT_MS, still read, always held
 */
@ConfigurationProperties("sonority.inference.batch")
public record BatchingProperties(@DefaultValue("32") int max,
        @DefaultValue("5ms") @DurationUnit(ChronoUnit.MILLIS) Duration maxWait) {

    public BatchSettings settings() {
        return new BatchSettings(max, maxWait);
    }
}
