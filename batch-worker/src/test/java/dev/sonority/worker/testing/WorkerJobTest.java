package dev.sonority.worker.testing;

import dev.sonority.model.job.JobTopology;
import dev.sonority.testing.JobSubmitter;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Base of the tests that run the worker's application context against the real PostgreSQL and RabbitMQ and
 * submit tasks the way the API does. Each subclass owns its database, queue prefix and music folder (static
 * fields) and registers them with {@link #register}.
 */
public abstract class WorkerJobTest {

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected RabbitTemplate rabbit;

    @Autowired
    protected JobTopology topology;

    protected JobSubmitter support;

    @BeforeEach
    void submitter() {
        support = new JobSubmitter(jdbc, rabbit, topology);
    }

    /** A new, empty music folder for one test class (its static field). */
    protected static Path musicFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties that isolate one test class: its database, its queue prefix, its music folder. */
    protected static void register(DynamicPropertyRegistry registry, TestDatabase db, TestBroker mq, Path music) {
        db.register(registry::add);
        mq.register(registry::add);
        registry.add("sonority.worker.music-dir", music::toString);
    }
}
