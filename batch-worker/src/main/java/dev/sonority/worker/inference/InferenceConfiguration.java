package dev.sonority.worker.inference;

import dev.sonority.worker.songs.EmbeddingTable;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deep models through the inference service, when INFERENCE_URL is set. Without it the worker analyses
 * with the built-in {@code acoustic_features} model only, which needs no download.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InferenceProperties.class)
@ConditionalOnExpression("!'${sonority.worker.inference.url:}'.isBlank()")
class InferenceConfiguration {

    @Bean
    TransientInference inference(InferenceProperties properties) {
        return new TransientInference(properties);
    }

    @Bean
    InferenceAnalyzers inferenceAnalyzers(TransientInference client, InferenceProperties properties) {
        return new InferenceAnalyzers(client, properties, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnExpression("!'${sonority.worker.inference.text-model:text_minilm}'.isBlank()")
    MetadataVectors metadataVectors(InferenceAnalyzers models, JdbcClient jdbc, EmbeddingTable embeddings,
            InferenceProperties properties) {
        return new MetadataVectors(models, jdbc, embeddings,
                properties.textModel() == null ? "text_minilm" : properties.textModel());
    }
}
