package dev.sonority.api.stats;

import dev.sonority.api.web.LainbowApi;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats}: Lainbow's DBStats. Sola MPD hides the whole feature on any non-2xx. */
@RestController
@LainbowApi
public class StatsController {

    private final StatsCache<DbStats> cache;

    public StatsController(StatsQuery query, StatsProperties properties) {
        this.cache = new StatsCache<>(query::compute, properties.maxAge(), properties.maxStale(),
                Executors.newVirtualThreadPerTaskExecutor(), Clock.systemUTC());
    }

    @GetMapping("/api/v1/stats")
    public DbStats stats() {
        return cache.get();
    }
}
