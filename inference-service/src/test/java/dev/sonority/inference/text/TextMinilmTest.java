package dev.sonority.inference.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.sonority.inference.download.ModelDownloader;
import dev.sonority.inference.download.DownloadProgress;
import dev.sonority.inference.models.ModelCatalog;
import dev.sonority.inference.models.ModelLease;
import dev.sonority.inference.models.ModelRegistry;
import dev.sonority.inference.testing.InferenceTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * text_minilm through the registry, the manifest's files (installed from the langchain4j jar by the bundled
 * installer's downloader) and the ONNX path, against langchain4j's own implementation of the same model
 * (an independent tokenizer call, session and pooling).
 */
class TextMinilmTest {

    @TempDir
    static Path modelsDir;

    private static ModelRegistry registry;

    @BeforeAll
    static void install() {
        ModelCatalog catalog = ModelCatalog.fromDirectory(() -> modelsDir);
        ModelDownloader.overHttp(Duration.ofSeconds(5), Duration.ofSeconds(5), 1)
                .install(catalog.entry("text_minilm").orElseThrow(), modelsDir, DownloadProgress.NONE);
        registry = InferenceTestSupport.registry(modelsDir, List.of(new TextMinilmDefinition()),
                InferenceTestSupport.batching(16, 1), new SimpleMeterRegistry());
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    @Test
    void matchesLangchain4jsAllMiniLmL6V2() {
        List<String> texts = List.of("calm piano music for a rainy evening", "aggressive metal with fast drums",
                "Café del Mar – chillout", "a");
        float[][] ours = embed(texts);
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = reference.embed(texts.get(i)).content().vector();
            assertThat(ours[i]).hasSize(384);
            assertThat(cosine(ours[i], theirs)).as(texts.get(i)).isGreaterThanOrEqualTo(0.999);
            assertThat(norm(ours[i])).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void aTextIsEmbeddedTheSameAloneAndInABatchWithLongerOnes() {
        float[] alone = embed(List.of("jazz"))[0];
        float[] batched = embed(List.of("a much longer description of a slow jazz ballad with brushes", "jazz"))[1];
        assertThat(cosine(alone, batched)).isGreaterThan(0.99999); // padding must not leak into the mean
    }

    @Test
    void relatedTextsAreCloserThanUnrelatedOnes() {
        float[][] v = embed(List.of("relaxing piano", "calm piano music", "loud heavy metal guitar"));
        assertThat(cosine(v[0], v[1])).isGreaterThan(cosine(v[0], v[2]) + 0.1);
    }

    @Test
    void aVeryLongTextIsTruncatedTo256Tokens() {
        String longText = "music ".repeat(600);
        assertThat(embed(List.of(longText))[0]).hasSize(384);
    }

    private static float[][] embed(List<String> texts) {
        try (ModelLease lease = registry.acquire("text_minilm")) {
            return lease.model().text().orElseThrow().embed(texts);
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double norm(float[] a) {
        double s = 0;
        for (float x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
