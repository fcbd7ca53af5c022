package dev.sonority.inference.api;

import dev.sonority.contract.inference.AudioEmbedding;
import dev.sonority.contract.inference.EmbedAudioResponse;
import dev.sonority.contract.inference.EmbedTextRequest;
import dev.sonority.contract.inference.EmbedTextResponse;
import dev.sonority.contract.inference.Pcm;
import dev.sonority.inference.models.ModelLease;
import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.models.ModelStatus;
import dev.sonority.inference.spi.AudioInput;
import dev.sonority.inference.spi.InvalidInputException;
import dev.sonority.inference.spi.WindowSelection;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /v1/embed/audio and /v1/embed/text. Every requested model is checked (known, right kind, right sample
 * rate, installed, loadable) before any of them runs, so a request either gets every model's output or one
 * precise error.
 */
@RestController
@RequestMapping("/v1/embed")
class EmbedController {

    static final int MAX_TEXTS = 256;
    static final int MAX_TEXT_CHARS = 10_000;

    private final ModelRegistry registry;
    private final ApiProperties properties;
    private final InferenceMetrics metrics;

    EmbedController(ModelRegistry registry, ApiProperties properties, InferenceMetrics metrics) {
        this.registry = registry;
        this.properties = properties;
        this.metrics = metrics;
    }

    @PostMapping(path = "/audio", consumes = Pcm.CONTENT_TYPE)
    EmbedAudioResponse audio(@RequestParam("sample_rate") int sampleRate, @RequestParam("models") String models,
            @RequestParam(name = "windows", required = false) String windows, HttpServletRequest request)
            throws IOException {
        List<ModelStatus> statuses = RequestedModels.forAudio(registry, models, sampleRate);
        WindowSelection selection = WindowSelection.parse(windows);
        float[] samples = PcmBody.read(request.getInputStream(), request.getContentLengthLong(),
                properties.maxAudioBytes().toBytes(), sampleRate);
        AudioInput input = new AudioInput(samples, sampleRate, selection);

        List<ModelLease> leases = new ArrayList<>();
        try {
            for (ModelStatus status : statuses) {
                leases.add(registry.acquire(status.name())); // 409 / 503 before any model runs
            }
            List<Callable<AudioEmbedding>> runs = new ArrayList<>();
            for (int i = 0; i < statuses.size(); i++) {
                ModelStatus status = statuses.get(i);
                ModelLease lease = leases.get(i);
                runs.add(() -> {
                    long start = System.nanoTime();
                    var output = lease.model().audio().orElseThrow(() -> new InvalidInputException(
                            "model " + status.name() + " has no audio tower in this build")).embed(input);
                    metrics.embedded("audio", status.name(), System.nanoTime() - start);
                    return result(status, output);
                });
            }
            List<AudioEmbedding> outputs = ModelRuns.all(runs);
            Map<String, AudioEmbedding> results = new LinkedHashMap<>();
            for (int i = 0; i < statuses.size(); i++) {
                results.put(statuses.get(i).name(), outputs.get(i));
            }
            statuses.forEach(s -> metrics.request("audio", s.name(), "ok"));
            return new EmbedAudioResponse(sampleRate, input.durationSeconds(), results);
        } finally {
            leases.forEach(ModelLease::close);
        }
    }

    /** The model's output as it is sent, once it is checked: no NaN leaves the service. */
    private static AudioEmbedding result(ModelStatus status, dev.sonority.inference.spi.AudioEmbedding output) {
        OutputCheck.vector(status.name(), "embedding", output.embedding(), status.dim());
        OutputCheck.finite(status.name(), "tags", output.tags());
        OutputCheck.finite(status.name(), "moods", output.moods());
        return new AudioEmbedding(status.version(), output.embedding().length, output.windows(), output.embedding(),
                output.tags(), output.tagLabels(), output.moods(), output.moodLabels());
    }

    @PostMapping(path = "/text", consumes = MediaType.APPLICATION_JSON_VALUE)
    EmbedTextResponse text(@RequestBody EmbedTextRequest body) {
        ModelStatus status = RequestedModels.forText(registry, body.model());
        List<String> texts = checkedTexts(body.texts());
        try (ModelLease lease = registry.acquire(status.name())) {
            long start = System.nanoTime();
            float[][] rows = lease.model().text().orElseThrow(() -> new InvalidInputException(
                    "model " + status.name() + " has no text tower in this build")).embed(texts);
            metrics.embedded("text", status.name(), System.nanoTime() - start);
            if (rows.length != texts.size()) {
                throw new IllegalStateException("model " + status.name() + " returned " + rows.length
                        + " embeddings for " + texts.size() + " texts");
            }
            for (float[] row : rows) {
                OutputCheck.vector(status.name(), "embedding", row, status.dim());
            }
            metrics.request("text", status.name(), "ok");
            return new EmbedTextResponse(status.name(), status.version(), rows[0].length, List.of(rows));
        }
    }

    private static List<String> checkedTexts(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw new InvalidInputException("texts is empty: send \"texts\":[\"...\"] with 1 to " + MAX_TEXTS
                    + " texts");
        }
        if (texts.size() > MAX_TEXTS) {
            throw new InvalidInputException("texts has " + texts.size() + " entries; at most " + MAX_TEXTS
                    + " per request");
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("texts[" + i + "] is " + (text == null ? "null" : "blank"));
            }
            if (text.length() > MAX_TEXT_CHARS) {
                throw new InvalidInputException("texts[" + i + "] has " + text.length() + " characters; at most "
                        + MAX_TEXT_CHARS);
            }
        }
        return texts;
    }
}
