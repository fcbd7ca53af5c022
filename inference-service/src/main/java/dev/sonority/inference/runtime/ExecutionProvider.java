package dev.sonority.inference.runtime;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where ONNX Runtime runs a session's graph ({@code INFERENCE_PROVIDER}). */
public enum ExecutionProvider {
    /** The default CPU kernels; always available. */
    CPU,
    /** NVIDIA GPUs; needs the {@code onnxruntime_gpu} build (Maven profile {@code cuda}) and CUDA/cuDNN libraries. */
    CUDA,
    /** AMD GPUs; needs an ONNX Runtime build with the ROCm provider. */
    ROCM;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code cpu}, {@code cuda} or {@code rocm}, any case. */
    public static ExecutionProvider parse(String value) {
        for (ExecutionProvider provider : values()) {
            if (provider.apiName().equalsIgnoreCase(value.strip())) {
                return provider;
            }
        }
        throw new IllegalArgumentException("INFERENCE_PROVIDER must be cpu, cuda or rocm, was '" + value + "'");
    }
}
