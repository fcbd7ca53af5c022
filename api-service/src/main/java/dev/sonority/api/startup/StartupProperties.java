package dev.sonority.api.startup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Waiting for PostgreSQL at startup.
 *
 * @param databaseRetryInterval pause between two attempts to reach PostgreSQL
 * @param databaseWait how long to keep trying before startup fails; 0 waits forever
 */
@ConfigurationProperties("sonority.api.startup")
public record StartupProperties(@DefaultValue("5s") Duration databaseRetryInterval,
        @DefaultValue("0s") Duration databaseWait) {
}
