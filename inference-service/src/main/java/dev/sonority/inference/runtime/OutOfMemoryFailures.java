package dev.sonority.inference.runtime;

import java.util.Locale;

/**
 * Recognises a device running out of memory inside ONNX Runtime. The Java API has no error code for it, so the
 * messages of the CUDA/ROCm allocators (BFC arena, cudaMalloc, cuBLAS/MIOpen workspaces) are matched.
 */
public final class OutOfMemoryFailures {

    private static final String[] MARKERS = {
        "out of memory", "failed to allocate memory", "bfcarena", "cublas_status_alloc_failed",
        "cudnn_status_alloc_failed", "hipErrorOutOfMemory".toLowerCase(Locale.ROOT), "miopenstatusallocfailed",
        "cuda_error_out_of_memory"
    };

    private OutOfMemoryFailures() {
    }

    /** Whether {@code failure} or one of its causes reports exhausted device memory. */
    public static boolean isOutOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            String lower = message.toLowerCase(Locale.ROOT);
            for (String marker : MARKERS) {
                if (lower.contains(marker)) {
                    return true;
                }
            }
        }
        return false;
    }
}
