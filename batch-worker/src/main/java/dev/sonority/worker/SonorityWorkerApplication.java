package dev.sonority.worker;

import dev.sonority.model.CommonModelConfiguration;
import dev.sonority.model.job.JobPublishing;
import dev.sonority.model.startup.BrokerStartupCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The batch worker: consumes scan, vacuum and analyze jobs from RabbitMQ and writes PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// the worker can do nothing without its broker: its start waits for it, then fails saying why (the API starts
// without one: reads keep answering, submissions answer 500 and /health says the broker is down)
@Import({CommonModelConfiguration.class, JobPublishing.class, BrokerStartupCheck.class})
public class SonorityWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SonorityWorkerApplication.class, args);
    }
}
