package dev.sonority.inference.api;

import org.jspecify.annotations.Nullable;

/** What a model returned must be a vector of its manifest dimension with finite values: no NaN leaves the service. */
final class OutputCheck {

    private OutputCheck() {
    }

    static void vector(String model, String what, float[] values, Integer dim) {
        if (values == null || (dim != null && values.length != dim)) {
            throw new IllegalStateException("model " + model + " returned a " + what + " of "
                    + (values == null ? "nothing" : values.length + " values") + ", the manifest says " + dim);
        }
        finite(model, what, values);
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
