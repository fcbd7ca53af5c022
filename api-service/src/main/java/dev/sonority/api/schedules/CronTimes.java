package dev.sonority.api.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/** A cron expression read in a time zone: when it next fires after an instant (DST as the zone's rules say). */
record CronTimes(CronExpression cron, ZoneId zone) {

    /** @throws IllegalArgumentException (the parser's message) or java.time.DateTimeException for a bad zone */
    static CronTimes of(String cron, String zone) {
        return new CronTimes(CronExpression.parse(cron), ZoneId.of(zone));
    }

    /** The first time strictly after {@code after}; null when the expression names no later time (30 February). */
    @Nullable Instant next(Instant after) {
        ZonedDateTime next = cron.next(after.atZone(zone));
        return next == null ? null : next.toInstant();
    }
}
