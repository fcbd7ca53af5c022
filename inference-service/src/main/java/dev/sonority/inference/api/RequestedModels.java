package dev.sonority.inference.api;

import dev.sonority.contract.models.ModelName;
import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.models.ModelStatus;
import dev.sonority.inference.spi.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code models} of an embed request, checked against the manifest before any work is done. */
final class RequestedModels {

    private RequestedModels() {
    }

    /**
     * The distinct names of a comma list, each in the manifest and embedding audio at {@code sampleRate}.
     * Unknown names are answered by the registry (400); the rest here.
     */
    static List<ModelStatus> forAudio(ModelRegistry registry, String models, int sampleRate) {
        if (sampleRate <= 0) {
            throw new InvalidInputException("sample_rate must be a positive number of Hz, was " + sampleRate);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : (models == null ? "" : models).split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        if (names.isEmpty()) {
            throw new InvalidInputException("models is empty: name at least one model, e.g. models=musicnn");
        }
        List<ModelStatus> statuses = new ArrayList<>();
        for (String name : names) {
            ModelStatus status = registry.model(name);
            if (!model(name).analysesAudio()) {
                throw new InvalidInputException("model " + name + " embeds text only: use POST /v1/embed/text");
            }
            if (status.sampleRate() == null) {
                throw new InvalidInputException("the manifest gives model " + name + " no input.sample_rate");
            }
            if (status.sampleRate() != sampleRate) {
                throw new InvalidInputException("model " + name + " needs sample_rate=" + status.sampleRate()
                        + " but this request has " + sampleRate + ": send the audio once per rate, resampled");
            }
            statuses.add(status);
        }
        return statuses;
    }

    /** The model of a text request: in the manifest, with a text side. */
    static ModelStatus forText(ModelRegistry registry, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("model is missing: name a text model, e.g. \"model\":\"text_minilm\"");
        }
        ModelStatus status = registry.model(name);
        if (model(name).kind() == ModelName.Kind.AUDIO) {
            throw new InvalidInputException("model " + name + " embeds audio only; text models: text_minilm, clap,"
                    + " muq_mulan");
        }
        return status;
    }

    private static ModelName model(String name) {
        return ModelName.fromApiName(name).orElseThrow(); // the manifest only lists known names
    }
}
