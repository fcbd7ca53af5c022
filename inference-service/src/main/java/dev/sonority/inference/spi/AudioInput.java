package dev.sonority.inference.spi;

/**
 * Mono PCM of one track as the request carried it.
 *
 * @param samples mono float samples, non-empty and finite (checked by the API); never modify them: several models
 *        of one request read the same array
 * @param sampleRate their rate in Hz, already equal to the model's manifest {@code input.sample_rate}
 * @param windows how many of the model's windows to run ({@code windows=N|all} of the request)
 */
public record AudioInput(float[] samples, int sampleRate, WindowSelection windows) {

    /** Duration in seconds. */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
