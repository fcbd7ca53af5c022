package dev.sonority.launcher.command;

import dev.sonority.launcher.LauncherException;
import dev.sonority.launcher.cli.KeysOptions;
import dev.sonority.launcher.client.ApiClient;
import dev.sonority.launcher.client.ApiException;
import dev.sonority.launcher.state.RunFile;
import dev.sonority.launcher.state.StateDir;
import java.io.PrintStream;
import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * {@code keys add|list|revoke}: API keys through the API's {@code /api/v1/keys}, like every launcher command that
 * talks to a running instance (the one {@code ./sonority up} runs, or {@code --api URL}), with the admin key of
 * {@code SONORITY_ADMIN_KEY}. Exit code 0 on success, 1 when the API refused.
 */
public final class KeysCommand {

    private final KeysOptions options;
    private final PrintStream out;

    public KeysCommand(KeysOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public int run() {
        ApiClient api = new ApiClient(api()).withKey(options.adminKey());
        try {
            switch (options.action()) {
                case ADD -> {
                    JsonNode created = api.createKey(options.argument(), options.role());
                    out.println("Created key " + created.path("key_id").asString() + " ('" + created.path("name")
                            .asString() + "', role " + created.path("role").asString() + "):");
                    out.println();
                    out.println("  " + created.path("key").asString());
                    out.println();
                    out.println("Store it now: Sonority keeps only its hash and cannot show it again. Clients send it"
                            + " as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.");
                }
                case LIST -> {
                    out.printf("%-12s %-6s %-25s %-20s %s%n", "ID", "ROLE", "CREATED", "REVOKED", "NAME");
                    for (JsonNode key : api.listKeys().path("keys")) {
                        out.printf("%-12s %-6s %-25s %-20s %s%n", key.path("key_id").asString(),
                                key.path("role").asString(), key.path("created_at").asString(),
                                key.path("revoked_at").isNull() ? "-" : key.path("revoked_at").asString(),
                                key.path("name").asString());
                    }
                }
                case REVOKE -> {
                    api.revokeKey(options.argument());
                    out.println("Revoked key " + options.argument() + ": it is refused from now on.");
                }
            }
            return 0;
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new LauncherException("The API at " + api.base() + " refused: " + e.getMessage(),
                        "Set SONORITY_ADMIN_KEY to an admin key (the one the API was started with, or one made with"
                                + " --role admin) and try again.");
            }
            if (e.status() == 0) {
                throw new LauncherException("The API at " + api.base() + " cannot be reached: " + e.getMessage(),
                        "Start it (./sonority up) or pass the right --api URL.");
            }
            out.println(e.getMessage());
            return 1;
        }
    }

    private URI api() {
        if (options.api() != null) {
            return options.api();
        }
        StateDir state = new StateDir(options.stateDir());
        return RunFile.readLive(state.runFile()).map(run -> URI.create(run.apiUrl())).orElseThrow(() ->
                new LauncherException("No running Sonority on " + options.stateDir() + " to manage keys with.",
                        "Start it with ./sonority up, or pass the API of another install with --api URL."));
    }
}
