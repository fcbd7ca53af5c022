package dev.sonority.inference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the inference service (port {@code INFERENCE_PORT}, default 8001).
 *
 * <p>It needs neither PostgreSQL nor RabbitMQ: the batch worker and the API reach it over HTTP only, so it can
 * run alone on a GPU host. This first version lists the models of the manifest and whether their files are
 * installed ({@code GET /v1/models}); loading them into ONNX Runtime, batching and downloads come later.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SonorityInferenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SonorityInferenceApplication.class, args);
    }
}
