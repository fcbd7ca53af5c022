package dev.sonority.inference.api;

import dev.sonority.contract.vector.Vectors;
import org.jspecify.annotations.Nullable;

/**
 * What a model returned must be a vector of its manifest dimension with finite values and a direction: no NaN
 * and no all-zero embedding leaves the service (common-contract's zero-vector rule, {@link Vectors}); either is
 * the model's failure, answered 500.
 */
final class OutputCheck {

    private OutputCheck() {
    }

    static void vector(String model, String what, float[] values, Integer dim) {
        if (values == null || (dim != null && values.length != dim)) {
            throw new IllegalStateException("model " + model + " returned a " + what + " of "
                    + (values == null ? "nothing" : values.length + " values") + ", the manifest says " + dim);
        }
        finite(model, what, values);
        if (!Vectors.hasDirection(values)) {
            throw new IllegalStateException("model " + model + " returned an all-zero " + what + ", which has no"
                    + " direction to compare; the result is withheld");
        }
    }

    /** Nothing to check when the model has no such output ({@code values} null). */
    static void finite(String model, String what, float @Nullable [] values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalStateException("model " + model + " returned " + values[i] + " at " + what + "["
                        + i + "]; the result is withheld");
            }
        }
    }
}
