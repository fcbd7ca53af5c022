package dev.sonority.launcher.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code keys add NAME --role ROLE | keys list | keys revoke ID}, each with {@code [--api URL] [--data DIR]}.
 *
 * @param action what to do
 * @param argument the new key's name (add) or the key id (revoke); null for list
 * @param role the new key's role (add only)
 * @param api the API to talk to; null: the instance that {@code ./sonority up} runs on {@code stateDir}
 * @param stateDir where that instance's run file is
 * @param adminKey the key sent as {@code Authorization: Bearer} ({@code SONORITY_ADMIN_KEY}); null: none
 */
public record KeysOptions(Action action, String argument, String role, URI api, Path stateDir, String adminKey) {

    public enum Action { ADD, LIST, REVOKE }

    /** The environment variable that holds the admin key the launcher's API commands send. */
    public static final String ADMIN_KEY_VARIABLE = "SONORITY_ADMIN_KEY";

    private static final Set<String> ROLES = Set.of("read", "write", "admin");
    private static final String HELP = "Run ./sonority keys add NAME --role read|write|admin, ./sonority keys list or"
            + " ./sonority keys revoke ID";

    public static KeysOptions parse(String[] args, Map<String, String> env, Path projectDir) {
        if (args.length < 2) {
            throw new UsageException("'keys' needs a subcommand.", HELP);
        }
        Action action = switch (args[1]) {
            case "add" -> Action.ADD;
            case "list" -> Action.LIST;
            case "revoke" -> Action.REVOKE;
            default -> throw new UsageException("Unknown 'keys' subcommand '" + args[1] + "'.", HELP);
        };
        List<String> positional = new ArrayList<>();
        String role = null;
        String api = null;
        String data = null;
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException("Option " + arg + " needs a value.", HELP);
            }
            String value = args[++i];
            switch (arg) {
                case "--role" -> role = value;
                case "--api" -> api = value;
                case "--data" -> data = value;
                default -> throw new UsageException("Unknown option " + arg + " for 'keys'.", HELP);
            }
        }
        int wanted = action == Action.LIST ? 0 : 1;
        if (positional.size() != wanted) {
            throw new UsageException("'keys " + args[1] + "' takes " + (wanted == 0 ? "no argument" : "one argument ("
                    + (action == Action.ADD ? "the key's name" : "the key id that 'keys list' shows") + ")")
                    + ", got " + positional.size() + ".", HELP);
        }
        if (action == Action.ADD && (role == null || !ROLES.contains(role))) {
            throw new UsageException("'keys add' needs --role read, write or admin" + (role == null ? "." : ", got '"
                    + role + "'."), HELP);
        }
        if (action != Action.ADD && role != null) {
            throw new UsageException("--role is for 'keys add' only.", HELP);
        }
        Path stateDir = Path.of(data != null ? data
                : env.getOrDefault("SONORITY_HOME", projectDir.resolve(".sonority").toString())).toAbsolutePath();
        String adminKey = env.get(ADMIN_KEY_VARIABLE);
        return new KeysOptions(action, positional.isEmpty() ? null : positional.getFirst(), role,
                api == null ? null : apiUri(api), stateDir, adminKey == null || adminKey.isBlank() ? null : adminKey);
    }

    private static URI apiUri(String text) {
        try {
            URI uri = URI.create(text.endsWith("/") ? text : text + "/");
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException("--api must be the API's base URL, such as http://192.168.1.5:8000, got '" + text
                + "'.", HELP);
    }
}
