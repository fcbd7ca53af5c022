package dev.sonority.api.schedules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often this API instance looks for due schedules.
 *
 * @param tick the pause between two looks (SCHEDULE_TICK); a schedule fires at most this late. 0 turns this
 *     instance's ticker off (another instance, or a test calling {@link ScheduleRunner#tick()}, fires them)
 */
@ConfigurationProperties("sonority.schedules")
public record ScheduleProperties(@DefaultValue("10s") Duration tick) {
}
