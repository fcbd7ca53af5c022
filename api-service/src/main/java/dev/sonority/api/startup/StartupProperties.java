package dev.sonority.api.startup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Waiting for PostgreSQL at startup.
 *
 * @param databaseRetryInterval pause between two attempts to reach PostgreSQL
 * @param databaseWait how long to keep trying before startup fails; 0 waits forever
 */
@ConfigurationProperties("sonority.api.startup")
public record StartupProperties(Duration databaseRetryInterval, Duration databaseWait) {

    public StartupProperties {
        databaseRetryInterval = databaseRetryInterval == null ? Duration.ofSeconds(5) : databaseRetryInterval;
        databaseWait = databaseWait == null ? Duration.ZERO : databaseWait;
    }
}
