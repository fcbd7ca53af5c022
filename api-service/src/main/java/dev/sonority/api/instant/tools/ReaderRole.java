package dev.sonority.api.instant.tools;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The song reader of migration V14 ({@code sonority_reader_role()}): usable only when it exists, the API's
 * user may switch to it, and it can do no more than read (no attribute that lifts privileges, no write
 * privilege on any table of the schema). Checked at first use; a reader that is not usable is checked again
 * after {@link #RECHECK}, so one created by an administrator is picked up without a restart.
 */
@Component
public class ReaderRole {

    static final Duration RECHECK = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ReaderRole.class);

    /** The reader, or why there is none. */
    public record State(String name, String problem) {
        public boolean usable() {
            return problem == null;
        }
    }

    private final JdbcClient jdbc;
    private volatile State state;
    private volatile long checkedAt;

    public ReaderRole(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public State state() {
        State known = state;
        if (known != null && (known.usable() || System.nanoTime() - checkedAt < RECHECK.toNanos())) {
            return known;
        }
        State checked = check();
        if (!checked.usable() && (known == null || !checked.equals(known))) {
            log.warn("The song reader role is not usable, so the language model of instant playlists stays off: {}",
                    checked.problem());
        }
        state = checked;
        checkedAt = System.nanoTime();
        return checked;
    }

    /** The reader's name when it is usable. */
    public Optional<String> usableName() {
        State current = state();
        return current.usable() ? Optional.of(current.name()) : Optional.empty();
    }

    private State check() {
        String name = jdbc.sql("SELECT sonority_reader_role()").query(String.class).single();
        return jdbc.sql("""
                SELECT pg_has_role(current_user, r.oid, 'MEMBER') AS member,
                       r.rolsuper OR r.rolcanlogin OR r.rolcreaterole OR r.rolcreatedb OR r.rolbypassrls
                           OR r.rolreplication AS strong,
                       (SELECT coalesce(bool_or(has_table_privilege(r.oid, c.oid,
                               'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')), false)
                          FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
                           AND c.relkind IN ('r', 'p', 'v', 'm')) AS writes,
                       has_table_privilege(r.oid, 'song', 'SELECT') AS reads
                  FROM pg_roles r WHERE r.rolname = :name""")
                .param("name", name)
                .query((rs, n) -> {
                    if (rs.getBoolean("strong") || rs.getBoolean("writes")) {
                        return new State(name, "role " + name + " can do more than read (a login, a role attribute"
                                + " or a write privilege): revoke them");
                    }
                    if (!rs.getBoolean("member")) {
                        return new State(name, "the API's database user is not a member of role " + name
                                + ": as a superuser run GRANT " + name + " TO <that user>");
                    }
                    if (!rs.getBoolean("reads")) {
                        return new State(name, "role " + name + " cannot read the songs: run SELECT"
                                + " sonority_grant_reader() as the API's database user");
                    }
                    return new State(name, null);
                })
                .optional()
                .orElseGet(() -> new State(name, "role " + name + " does not exist (the database user may not create"
                        + " roles): as a superuser run CREATE ROLE " + name + " NOLOGIN and GRANT " + name
                        + " TO <the API's database user>, then SELECT sonority_grant_reader() as that user"));
    }
}
