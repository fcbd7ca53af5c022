package dev.sonority.worker.acoustic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the acoustic standardisation ({@code sonority.worker.acoustic.*}).
 *
 * @param restandardiseFraction when the number of songs with acoustic raw values differs from the count the
 *     statistics were computed over by more than this fraction, the end of an analyze task starts a re-vectorise
 *     task (ACOUSTIC_RESTANDARDISE_FRACTION, default 0.2)
 */
@ConfigurationProperties("sonority.worker.acoustic")
public record AcousticProperties(@DefaultValue("0.2") double restandardiseFraction) {

    public AcousticProperties {
        if (!(restandardiseFraction > 0) || !Double.isFinite(restandardiseFraction)) {
            throw new IllegalArgumentException("ACOUSTIC_RESTANDARDISE_FRACTION must be a number > 0, got "
                    + restandardiseFraction);
        }
    }
}
