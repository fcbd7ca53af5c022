package dev.sonority.api.instant.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the tools' queries so that they cannot write: each in its own transaction that is first made READ ONLY
 * and then, after a snapshot is taken (from then on PostgreSQL refuses to make it read-write again), switched
 * to the song reader ({@link ReaderRole}: SELECT on song, song_descriptors and embedding only) with a statement
 * timeout, and exactly one statement. Either guard alone stops a write; the role also keeps every other table
 * unreadable. Without a usable reader (a database user that may not create roles) only the read-only
 * transaction guards, and the language model is off ({@code ModelPlanner}), so only the rules' queries run.
 *
 * <p>Why the API's own pool and not a second login: the reader needs no password to create, keep or rotate
 * (it cannot log in at all), works the same on a user's database, in compose and in every per-run test
 * database, and its {@code SET ROLE} ends with the transaction ({@code is_local}), so a pooled connection
 * goes back to the pool as it came.
 */
@Component
public class ReadOnlyLibrary {

    /** Longest one tool query may run; a metadata query over 100 000 songs takes well under a second. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ReaderRole reader;

    public ReadOnlyLibrary(JdbcClient jdbc, PlatformTransactionManager transactionManager, ReaderRole reader) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.reader = reader;
    }

    /** The rows of one SELECT; {@code sql} is one statement, its values are {@code params}. */
    public <T> List<T> query(String sql, Map<String, ?> params, RowMapper<T> rows) {
        if (sql.indexOf(';') >= 0) {
            throw new IllegalArgumentException("One statement only: " + sql);
        }
        Optional<String> role = reader.usableName();
        return transactions.execute(status -> {
            jdbc.sql("SET TRANSACTION READ ONLY").update();
            // a SELECT: takes the transaction's snapshot, after which it cannot be made read-write again
            jdbc.sql("SELECT set_config('statement_timeout', :ms, true)")
                    .param("ms", Long.toString(STATEMENT_TIMEOUT.toMillis())).query(String.class).single();
            role.ifPresent(name -> jdbc.sql("SELECT set_config('role', :role, true)").param("role", name)
                    .query(String.class).single());
            return jdbc.sql(sql).params(params).query(rows).list();
        });
    }

    /** Whether queries run as the song reader (else: read-only transactions of the API's own user). */
    public boolean asReader() {
        return reader.usableName().isPresent();
    }
}
