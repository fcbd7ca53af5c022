package dev.sonority.api.deadletters;

import dev.sonority.api.web.Paging;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists the {@code dead_letter} table, newest first (RFC 9457 errors). */
@RestController
public class DeadLettersController {

    /** {@code {"dead_letters": [...], "total": 3, "limit": 50, "offset": 0}} */
    public record DeadLetterList(List<DeadLetterView> deadLetters, long total, int limit, long offset) {
    }

    private final JdbcClient jdbc;

    public DeadLettersController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/dead-letters")
    public DeadLetterList list(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long offset) {
        Paging paging = Paging.of(limit, offset, 50);
        List<DeadLetterView> page = jdbc.sql("""
                        SELECT id, queue, routing_key, task_id, payload, error, attempts, created_at
                        FROM dead_letter ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query((rs, n) -> new DeadLetterView(rs.getLong("id"), rs.getString("queue"),
                        rs.getString("routing_key"), rs.getObject("task_id", UUID.class), rs.getString("payload"),
                        rs.getString("error"), rs.getInt("attempts"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM dead_letter").query(Long.class).single();
        return new DeadLetterList(page, total, paging.limit(), paging.offset());
    }
}
