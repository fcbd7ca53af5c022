package dev.sonority.inference.runtime;

/** An ONNX file's inputs or outputs are not what the manifest's contract says (another model, a wrong export). */
public class ModelContractException extends Exception {

    public ModelContractException(String message) {
        super(message);
    }
}
