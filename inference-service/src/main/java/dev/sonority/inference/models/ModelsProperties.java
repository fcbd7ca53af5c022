package dev.sonority.inference.models;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code sonority.models}.
 *
 * @param dir the models directory (MODELS_DIR); relative paths resolve against the working directory
 */
@ConfigurationProperties("sonority.models")
public record ModelsProperties(@DefaultValue("./models") Path dir) {
}
