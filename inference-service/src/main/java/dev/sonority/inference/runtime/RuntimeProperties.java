package dev.sonority.inference.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code sonority.inference.runtime}.
 *
 * @param provider execution provider to ask for: cpu, cuda or rocm (INFERENCE_PROVIDER)
 * @param deviceId GPU index for cuda/rocm (INFERENCE_DEVICE_ID)
 * @param intraOpThreads threads one graph run may use, 0 = ONNX Runtime's default of one per core
 *        (INFERENCE_INTRA_OP_THREADS)
 * @param interOpThreads threads for running independent graph nodes in parallel, 0 = ONNX Runtime's default
 *        (INFERENCE_INTER_OP_THREADS)
 */
@ConfigurationProperties("sonority.inference.runtime")
public record RuntimeProperties(@DefaultValue("cpu") String provider, @DefaultValue("0") int deviceId,
        @DefaultValue("0") int intraOpThreads, @DefaultValue("0") int interOpThreads) {

    public RuntimeProperties {
        ExecutionProvider.parse(provider); // fail at start, not at first load
        if (intraOpThreads < 0 || interOpThreads < 0 || deviceId < 0) {
            throw new IllegalArgumentException("INFERENCE_INTRA_OP_THREADS, INFERENCE_INTER_OP_THREADS and"
                    + " INFERENCE_DEVICE_ID must be 0 or more");
        }
    }

    public ExecutionProvider requestedProvider() {
        return ExecutionProvider.parse(provider);
    }
}
