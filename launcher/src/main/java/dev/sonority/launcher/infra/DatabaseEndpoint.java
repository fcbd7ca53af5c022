package dev.sonority.launcher.infra;

/**
 * Where the services find PostgreSQL: the {@code DATABASE_*} variables of the runtime contract.
 *
 * @param description for the terminal, e.g. "embedded PostgreSQL 17 on port 41234"
 */
public record DatabaseEndpoint(String jdbcUrl, String username, String password, String description) {
}
