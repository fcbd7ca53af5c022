package dev.sonority.api;

import dev.sonority.model.CommonModelConfiguration;
import dev.sonority.model.job.JobPublishing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The public REST API of Sonority: Lainbow-compatible endpoints, job submission, songs, tasks. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({CommonModelConfiguration.class, JobPublishing.class})
public class SonorityApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(SonorityApiApplication.class, args);
    }
}
