package dev.sonority.launcher;

import dev.sonority.launcher.cli.KeysOptions;
import dev.sonority.launcher.cli.LauncherOptions;
import dev.sonority.launcher.cli.OptionsParser;
import dev.sonority.launcher.cli.Usage;
import dev.sonority.launcher.command.KeysCommand;
import dev.sonority.launcher.command.ExportCommand;
import dev.sonority.launcher.command.ImportCommand;
import dev.sonority.launcher.command.ModelsPullCommand;
import dev.sonority.launcher.command.StatusCommand;
import dev.sonority.launcher.command.StopCommand;
import dev.sonority.launcher.command.UpCommand;
import java.nio.file.Path;

/**
 * Entry point of {@code ./sonority} (the shell script selects Java 25, builds what is missing and passes
 * {@code -Dsonority.project=<repository root>}).
 */
public final class SonorityLauncher {

    private SonorityLauncher() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        try {
            Path project = Path.of(System.getProperty("sonority.project", "."));
            LauncherOptions options = new OptionsParser(System.getenv(), project).parse(args);
            if (options.stateDir() != null) {
                // before the first logger: logback.xml writes launcher.log and broker.log there
                System.setProperty("sonority.logs", options.stateDir().resolve("logs").toString());
            }
            return switch (options.command()) {
                case HELP -> {
                    System.out.print(Usage.text());
                    yield 0;
                }
                case UP -> new UpCommand(options, System.getenv()).run();
                case STATUS -> new StatusCommand(options).run();
                case STOP -> new StopCommand(options).run();
                case MODELS -> new ModelsPullCommand(options, options.model(), System.out).run();
                case KEYS -> new KeysCommand(KeysOptions.parse(args, System.getenv(), project), System.out).run();
                case EXPORT -> new ExportCommand(options, System.out).run();
                case IMPORT -> new ImportCommand(options, System.out).run();
            };
        } catch (LauncherException e) {
            System.out.flush();
            System.err.println();
            System.err.println("sonority: " + e.getMessage());
            if (!e.action().isEmpty()) {
                System.err.println("  " + e.action());
            }
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
