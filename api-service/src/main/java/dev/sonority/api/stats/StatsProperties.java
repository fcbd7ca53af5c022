package dev.sonority.api.stats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long {@code /api/v1/stats} may answer from its last computation. Counting 100,000 songs' analyses
 * takes tens of milliseconds in PostgreSQL however it is indexed; clients poll it, so the API answers from
 * memory and refreshes in the background.
 *
 * @param maxAge a result younger than this is served as is; 0 computes on every request
 * @param maxStale a result older than max-age but younger than this is served while a background refresh
 *     runs; older ones are recomputed before answering
 */
@ConfigurationProperties("sonority.api.stats")
public record StatsProperties(@DefaultValue("2s") Duration maxAge, @DefaultValue("30s") Duration maxStale) {
}
