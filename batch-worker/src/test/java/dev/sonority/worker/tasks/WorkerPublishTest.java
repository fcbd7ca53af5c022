package dev.sonority.worker.tasks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.model.job.AnalyzeBatch;
import dev.sonority.model.job.JobPublisher;
import dev.sonority.model.job.PublishException;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.worker.SonorityWorkerApplication;
import dev.sonority.worker.testing.WorkerJobTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker publishes through common-model's {@link JobPublisher} with the template its application.yaml
 * configures (correlated confirms, returns, mandatory), against the real RabbitMQ: a batch no queue is bound
 * for fails the publish instead of vanishing.
 */
@SpringBootTest(classes = SonorityWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WorkerPublishTest extends WorkerJobTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final Path MUSIC;

    static {
        try {
            MUSIC = Files.createDirectories(Files.createTempDirectory("sonority-publish-").resolve("music"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Autowired
    JobPublisher publisher;

    @Autowired
    AmqpAdmin admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DB, MQ, MUSIC);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void aBatchNoQueueIsBoundForFailsThePublishWithTheReason() {
        String workQueue = topology.workQueue(AnalyzeBatch.WORK_QUEUE);
        Binding binding = new Binding(workQueue, Binding.DestinationType.QUEUE, topology.jobsExchange(), workQueue,
                null);
        admin.removeBinding(binding); // as if the work queue had been deleted or never declared
        try {
            assertThatThrownBy(() -> publisher.publishBatches(List.of(new AnalyzeBatch(UUID.randomUUID(),
                    List.of(1L)))))
                    .isInstanceOf(PublishException.class)
                    .hasMessageContaining("could not be routed to a queue")
                    .hasMessageContaining("312 NO_ROUTE")
                    .hasMessageContaining("exchange " + topology.jobsExchange())
                    .hasMessageContaining("routing key " + workQueue);
        } finally {
            admin.declareBinding(binding);
        }
    }
}
