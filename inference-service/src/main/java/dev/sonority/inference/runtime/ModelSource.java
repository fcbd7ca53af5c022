package dev.sonority.inference.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;

/** Where a session's graph comes from, kept so a CPU twin of a GPU session can be opened later. */
sealed interface ModelSource {

    OrtSession open(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException;

    record FromFile(Path file) implements ModelSource {
        @Override
        public OrtSession open(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException {
            return environment.createSession(file.toString(), options);
        }
    }

    record FromBytes(byte[] model) implements ModelSource {
        @Override
        public OrtSession open(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException {
            return environment.createSession(model, options);
        }
    }
}
