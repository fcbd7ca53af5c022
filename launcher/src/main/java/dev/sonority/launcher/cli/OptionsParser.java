package dev.sonority.launcher.cli;

import dev.sonority.launcher.cli.LauncherOptions.ServicePorts;
import dev.sonority.launcher.process.BindAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns {@code up --music DIR [--data DIR] [--port N] ...} into {@link LauncherOptions}. Options win over the
 * environment variables of the runtime contract ({@code MUSIC_DIR}, {@code SONORITY_HOME}, {@code API_PORT},
 * {@code INFERENCE_PORT}, {@code WORKER_PORT}, {@code MODELS_DIR}, {@code BIND_ADDRESS},
 * {@code MODELS_ACCEPT_LICENCE}), which win over the built-in defaults.
 */
public final class OptionsParser {

    private static final Set<String> UP_OPTIONS = Set.of("music", "data", "port", "inference-port", "worker-port", "models",
            "models-dir", "accept-licence", "bind");
    private static final Set<String> OTHER_OPTIONS = Set.of("data");
    private static final Set<String> MODELS_OPTIONS = Set.of("data", "models", "models-dir", "inference-port",
            "accept-licence");
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("accept-licence");
    private static final Pattern MODEL_NAMES = Pattern.compile("[a-z0-9_]+(,[a-z0-9_]+)*");

    private final Map<String, String> env;
    private final Path projectDir;

    public OptionsParser(Map<String, String> env, Path projectDir) {
        this.env = env;
        this.projectDir = projectDir.toAbsolutePath().normalize();
    }

    public LauncherOptions parse(String... args) {
        if (args.length == 0 || Set.of("help", "-h", "--help").contains(args[0])) {
            return new LauncherOptions(Command.HELP, projectDir, null, null, null, null, null);
        }
        Command command = Command.named(args[0])
                .orElseThrow(() -> new UsageException("Unknown command '" + args[0] + "'."));
        if (command == Command.MODELS) {
            return models(args);
        }
        if (command == Command.KEYS) { // its own arguments: KeysOptions
            return new LauncherOptions(Command.KEYS, projectDir, null, null, null, null, null);
        }
        if (command == Command.EXPORT || command == Command.IMPORT) {
            return libraryFile(command, args);
        }
        Map<String, String> values = options(args, 1, command == Command.UP ? UP_OPTIONS : OTHER_OPTIONS);
        Path stateDir = path(values.getOrDefault("data", env.getOrDefault("SONORITY_HOME", projectDir.resolve(".sonority").toString())));
        if (command != Command.UP) {
            return new LauncherOptions(command, projectDir, stateDir, null, null, null, null);
        }
        String music = values.getOrDefault("music", env.get("MUSIC_DIR"));
        if (music == null || music.isBlank()) {
            throw new UsageException("'up' needs the music folder to analyse.", "Run ./sonority up --music /path/to/music");
        }
        Path musicDir = path(music);
        if (!Files.isDirectory(musicDir)) {
            throw new UsageException("The music folder " + musicDir + " does not exist or is not a directory.",
                    "Pass an existing folder: ./sonority up --music /path/to/music");
        }
        Path modelsDir = path(values.getOrDefault("models-dir", env.getOrDefault("MODELS_DIR", projectDir.resolve("models").toString())));
        List<String> pull = modelNames(values.get("models"));
        ServicePorts ports = new ServicePorts(port(values, "port", "API_PORT", 8000),
                port(values, "inference-port", "INFERENCE_PORT", 8001), port(values, "worker-port", "WORKER_PORT", 8002));
        if (ports.api() == ports.inference() || ports.api() == ports.worker() || ports.inference() == ports.worker()) {
            throw new UsageException("The API, inference and worker ports must differ, got " + ports.api() + ", "
                    + ports.inference() + " and " + ports.worker() + ".");
        }
        return new LauncherOptions(command, projectDir, stateDir, realPath(musicDir), modelsDir, ports, bind(values),
                null, pull, acceptLicence(values));
    }

    /**
     * {@code up --models musicnn,clap}: the models to download when missing. It used to name the models folder,
     * so a path is refused with the option that now does that, rather than read as model names.
     */
    private static List<String> modelNames(String value) {
        if (value == null) {
            return List.of();
        }
        String names = value.strip();
        if (!MODEL_NAMES.matcher(names).matches()) {
            throw new UsageException("--models takes model names separated by commas (e.g. --models musicnn,clap),"
                    + " got '" + value + "'.", "The models folder is --models-dir DIR (or MODELS_DIR).");
        }
        return List.of(names.split(","));
    }

    private boolean acceptLicence(Map<String, String> values) {
        return values.containsKey("accept-licence") || "true".equalsIgnoreCase(env.getOrDefault("MODELS_ACCEPT_LICENCE", ""));
    }

    /**
     * {@code models pull NAME [--models-dir DIR] [--inference-port N] [--data DIR] [--accept-licence]}; here
     * {@code --models DIR} still names the folder, as it always did.
     */
    private LauncherOptions models(String[] args) {
        if (args.length < 3 || !args[1].equals("pull") || args[2].startsWith("--")) {
            throw new UsageException("'models' needs a subcommand and a model name.", "Run ./sonority models pull NAME"
                    + " (e.g. ./sonority models pull clap; GET /v1/models lists the names).");
        }
        Map<String, String> values = options(args, 3, MODELS_OPTIONS);
        Path stateDir = path(values.getOrDefault("data", env.getOrDefault("SONORITY_HOME", projectDir.resolve(".sonority").toString())));
        String folder = values.getOrDefault("models-dir", values.get("models"));
        Path modelsDir = path(folder != null ? folder : env.getOrDefault("MODELS_DIR", projectDir.resolve("models").toString()));
        int inference = port(values, "inference-port", "INFERENCE_PORT", 8001);
        return new LauncherOptions(Command.MODELS, projectDir, stateDir, null, modelsDir,
                new ServicePorts(0, inference, 0), null, args[2], List.of(), acceptLicence(values));
    }

    /** {@code export FILE [--data DIR]} and {@code import FILE [--data DIR]}. */
    private LauncherOptions libraryFile(Command command, String[] args) {
        String name = args[0];
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new UsageException("'" + name + "' needs the library file.", "Run ./sonority " + name
                    + " FILE (e.g. ./sonority " + name + " library.zip) while ./sonority up runs.");
        }
        Map<String, String> values = options(args, 2, OTHER_OPTIONS);
        Path stateDir = path(values.getOrDefault("data", env.getOrDefault("SONORITY_HOME", projectDir.resolve(".sonority").toString())));
        Path file = Path.of(args[1]).toAbsolutePath().normalize();
        if (command == Command.IMPORT && !Files.isRegularFile(file)) {
            throw new UsageException("The file " + file + " does not exist or is not a file.",
                    "Pass a file written by ./sonority export.");
        }
        return new LauncherOptions(command, projectDir, stateDir, null, null, null, null, null, List.of(), false, file);
    }

    private static Map<String, String> options(String[] args, int from, Set<String> allowed) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + arg + "' for '" + args[0] + "'.");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("Unknown option --" + name + " for '" + args[0] + "'.");
            }
            if (value == null && FLAGS.contains(name)) {
                value = "true";
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("Option --" + name + " needs a value.");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        return values;
    }

    private int port(Map<String, String> values, String option, String variable, int defaultPort) {
        String text = values.containsKey(option) ? values.get(option) : env.get(variable);
        if (text == null || text.isBlank()) {
            return defaultPort;
        }
        String source = values.containsKey(option) ? "--" + option : variable;
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + " must be a TCP port between 1 and 65535, got '" + text + "'.");
    }

    /** The API's address: --bind, else BIND_ADDRESS, else loopback (nothing is open to the network unless asked). */
    private BindAddress bind(Map<String, String> values) {
        boolean option = values.containsKey("bind");
        String text = option ? values.get("bind") : env.get("BIND_ADDRESS");
        if (text == null || text.isBlank()) {
            return BindAddress.LOOPBACK;
        }
        try {
            return BindAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException((option ? "--bind" : "BIND_ADDRESS") + ": " + e.getMessage() + ".",
                    "Use 127.0.0.1 (this machine only, the default), 0.0.0.0 (every network interface) or one of this"
                            + " machine's addresses (ip -brief address lists them).");
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return path;
        }
    }

    private Path path(String text) {
        Path path = Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
        return (path.isAbsolute() ? path : Path.of("").toAbsolutePath().resolve(path)).normalize();
    }
}
