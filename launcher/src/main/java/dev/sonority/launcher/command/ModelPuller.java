package dev.sonority.launcher.command;

import dev.sonority.launcher.LauncherException;
import dev.sonority.launcher.client.ApiException;
import dev.sonority.launcher.client.InferenceClient;
import dev.sonority.launcher.progress.ProgressBar;
import java.io.PrintStream;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Downloads one model through an inference-service ({@code POST /v1/models/{name}/download}): prints the
 * weights' licence first, passes the user's licence acceptance, follows the download with a progress line and
 * names every file installed without a published checksum. Shared by {@code models pull} and {@code up --models}.
 */
final class ModelPuller {

    private static final Duration POLL = Duration.ofMillis(500);

    /** How a pull ended, with the exit code {@code models pull} returns for it. */
    enum Outcome {
        INSTALLED(0), FAILED(1), LICENCE_NOT_ACCEPTED(3);

        final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final InferenceClient inference;
    private final boolean acceptLicence;
    private final PrintStream out;

    ModelPuller(InferenceClient inference, boolean acceptLicence, PrintStream out) {
        this.inference = inference;
        this.acceptLicence = acceptLicence;
        this.out = out;
    }

    /** Whether every file of {@code model} is in place (installed, or already loaded). */
    boolean installed(String model) {
        String state = describe(model).path("state").asString();
        return !"not_installed".equals(state);
    }

    Outcome pull(String model) throws InterruptedException {
        JsonNode description = describe(model);
        out.println("Model " + model + ": licence " + description.path("license").asString()
                + (description.path("non_commercial").asBoolean() ? " (non-commercial use only)" : ""));
        JsonNode status;
        try {
            status = inference.startDownload(model, acceptLicence);
        } catch (ApiException e) {
            if (e.status() == 422) {
                out.println(e.getMessage());
                return Outcome.LICENCE_NOT_ACCEPTED;
            }
            throw new LauncherException("Cannot download model '" + model + "': " + e.getMessage(), "");
        }
        boolean terminal = System.console() != null && System.console().isTerminal();
        int printedDecile = -1;
        while (!finished(status)) {
            String line = line(model, status);
            int decile = status.path("progress").isNumber() ? (int) (10 * status.path("progress").asDouble()) : 0;
            if (terminal) {
                out.print("\r" + line);
            } else if (decile != printedDecile) {
                out.println(line); // a log, not a terminal: one line per 10 %
                printedDecile = decile;
            }
            Thread.sleep(POLL);
            status = inference.download(model);
        }
        if (terminal) {
            out.print("\r" + line(model, status));
            out.println();
        }
        if (!"completed".equals(status.path("state").asString())) {
            out.println("Download of " + model + " failed: " + status.path("error").asString());
            return Outcome.FAILED;
        }
        out.println("Model " + model + " is installed (" + status.path("bytes_done").asLong() + " bytes fetched).");
        for (JsonNode file : status.path("unverified")) {
            out.println("  unverified: " + file.asString() + " has no published checksum; its sha256 is recorded"
                    + " (GET /v1/models/" + model + ")");
        }
        return Outcome.INSTALLED;
    }

    private JsonNode describe(String model) {
        try {
            return inference.model(model);
        } catch (ApiException e) {
            throw new LauncherException("Cannot download model '" + model + "': " + e.getMessage(),
                    e.status() == 404 ? "GET " + inference.base() + "/v1/models lists the known models." : "");
        }
    }

    private static boolean finished(JsonNode status) {
        String state = status.path("state").asString();
        return "completed".equals(state) || "failed".equals(state);
    }

    private static String line(String model, JsonNode status) {
        long done = status.path("bytes_done").asLong();
        long total = status.path("bytes_total").isNumber() ? status.path("bytes_total").asLong() : -1;
        int percent = status.path("progress").isNumber() ? (int) (100 * status.path("progress").asDouble()) : 0;
        return ProgressBar.render(model, done, total, percent, Double.NaN, "bytes", 30);
    }
}
