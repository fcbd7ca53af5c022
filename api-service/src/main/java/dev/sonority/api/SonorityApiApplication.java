package dev.sonority.api;

import dev.sonority.model.CommonModelConfiguration;
import dev.sonority.model.job.JobPublishing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The public REST API of Sonority: Lainbow-compatible endpoints, job submission, songs, tasks. */
// no user accounts: callers are API keys (dev.sonority.api.access), so Boot's generated user is left out
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@Import({CommonModelConfiguration.class, JobPublishing.class})
public class SonorityApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(SonorityApiApplication.class, args);
    }
}
