package dev.sonority.inference.models;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code sonority.models}.
 *
 * @param dir the models directory (MODELS_DIR); relative paths resolve against the working directory
 * @param preload models to load at start, before the service reports ready: names, {@code all} (every installed
 *        model), or empty for none, so each loads on its first request (MODELS_PRELOAD)
 * @param acceptLicence accept every model's licence up front, so downloads of non-commercial weights (musicnn,
 *        muq_mulan) need no per-request acceptance (MODELS_ACCEPT_LICENCE)
 * @param idleUnload a loaded model not used for this long is closed to free its memory; 0 keeps models loaded
 *        (MODELS_IDLE_UNLOAD)
 * @param installBundled copy the models shipped inside the jar (text_minilm) into {@code dir} at startup when
 *        missing; false leaves the directory untouched, for a read-only or shared folder (MODELS_INSTALL_BUNDLED)
 */
@ConfigurationProperties("sonority.models")
public record ModelsProperties(@DefaultValue("./models") Path dir, @DefaultValue("") List<String> preload,
        @DefaultValue("30m") Duration idleUnload, @DefaultValue("true") boolean installBundled,
        @DefaultValue("false") boolean acceptLicence) {

    public ModelsProperties {
        preload = preload.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (idleUnload.isNegative()) {
            throw new IllegalArgumentException("MODELS_IDLE_UNLOAD must not be negative, was " + idleUnload);
        }
    }
}
