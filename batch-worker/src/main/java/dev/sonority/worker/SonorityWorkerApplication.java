package dev.sonority.worker;

import dev.sonority.model.CommonModelConfiguration;
import dev.sonority.model.job.JobPublishing;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The batch worker: consumes scan, vacuum and analyze jobs from RabbitMQ and writes PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({CommonModelConfiguration.class, JobPublishing.class})
public class SonorityWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SonorityWorkerApplication.class, args);
    }
}
