package dev.sonority.model.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The body of {@code GET /v1/models}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RemoteModels(List<RemoteModel> models) {

    RemoteModels {
        models = models == null ? List.of() : List.copyOf(models);
    }
}
