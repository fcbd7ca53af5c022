package dev.sonority.launcher.state;

import java.nio.file.Path;

/**
 * The layout of the state directory (default {@code .sonority/} in the repository):
 * <pre>
 * postgres/        embedded PostgreSQL data directory (kept across runs)
 * broker/          embedded broker work directory; broker/store is its Derby message store
 * logs/            api.log, worker.log, inference.log, postgres.log, broker.log, launcher.log
 * run.json         the running instance (see {@link RunFile}); absent when none runs
 * </pre>
 */
public record StateDir(Path root) {

    public Path postgresData() {
        return root.resolve("postgres");
    }

    public Path brokerWork() {
        return root.resolve("broker");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path runFile() {
        return root.resolve("run.json");
    }
}
