package dev.sonority.inference.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code sonority.inference.api}.
 *
 * @param maxAudioBytes the largest PCM body POST /v1/embed/audio accepts; larger is answered 413
 *        (INFERENCE_MAX_AUDIO_BYTES)
 */
@ConfigurationProperties("sonority.inference.api")
public record ApiProperties(@DefaultValue("256MB") DataSize maxAudioBytes) {
}
