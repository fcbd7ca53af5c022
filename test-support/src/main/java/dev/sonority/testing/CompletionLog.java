package dev.sonority.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A trigger that logs every transition of a {@code song_analysis} row to COMPLETED, so a test can prove that
 * no song was analysed twice for a model (an upsert that overwrites a result would otherwise hide it).
 */
public final class CompletionLog {

    private final JdbcClient jdbc;

    private CompletionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Installs the log table and trigger in the test database (after the schema exists). */
    public static CompletionLog install(JdbcClient jdbc) {
        jdbc.sql("CREATE TABLE completion_log (song_id BIGINT, model TEXT, at TIMESTAMPTZ DEFAULT clock_timestamp())")
                .update();
        jdbc.sql("""
                CREATE FUNCTION log_completion() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.status = 'COMPLETED' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'COMPLETED') THEN
                    INSERT INTO completion_log (song_id, model) VALUES (NEW.song_id, NEW.model);
                  END IF;
                  RETURN NEW;
                END $$
                """).update();
        jdbc.sql("CREATE TRIGGER completion_log AFTER INSERT OR UPDATE ON song_analysis FOR EACH ROW"
                + " EXECUTE FUNCTION log_completion()").update();
        return new CompletionLog(jdbc);
    }

    /** Transitions to COMPLETED logged so far. */
    public long completions() {
        return jdbc.sql("SELECT count(*) FROM completion_log").query(Long.class).single();
    }

    /** Songs that reached COMPLETED at least once. */
    public long distinctSongs() {
        return jdbc.sql("SELECT count(DISTINCT song_id) FROM completion_log").query(Long.class).single();
    }
}
