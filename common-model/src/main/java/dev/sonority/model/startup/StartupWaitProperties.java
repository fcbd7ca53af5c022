package dev.sonority.model.startup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service waits at start for a dependency it cannot work without (the broker; Qdrant when it is the
 * vector store) before the start fails with a Description and an Action. Long enough for containers started
 * in any order to come up; short enough that a wrong address is reported instead of a service that looks
 * healthy and never works.
 *
 * @param dependencyWait how long to keep trying (STARTUP_DEPENDENCY_WAIT); 0 waits forever
 * @param retryInterval pause between two tries
 */
@ConfigurationProperties("sonority.startup")
public record StartupWaitProperties(@DefaultValue("60s") Duration dependencyWait,
        @DefaultValue("2s") Duration retryInterval) {

    public StartupWaitProperties {
        if (dependencyWait.isNegative() || retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("sonority.startup: dependency-wait must be 0 or more and"
                    + " retry-interval more than 0, were " + dependencyWait + " and " + retryInterval);
        }
    }
}
