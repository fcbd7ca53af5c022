package dev.sonority.api.support;

import dev.sonority.api.SonorityApiApplication;
import dev.sonority.api.index.EmbeddedIndexes;
import dev.sonority.contract.models.ModelName;
import dev.sonority.model.job.QueueProperties;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that share one running API (RANDOM_PORT) on a fresh database and a
 * random queue prefix of the real PostgreSQL and RabbitMQ. Subclasses share the Spring context, so the
 * database and queues are removed when the JVM exits; tests that need empty tables call {@link #reset()}.
 * Statistics are computed on every request here ({@code max-age=0}).
 */
@SpringBootTest(classes = SonorityApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the song directory refreshes only when a test's SearchLibrary says so, never in the background
        properties = {"sonority.api.stats.max-age=0s", "sonority.search.song-refresh=0s",
                // the shared context serves many test classes from one address: they must never meet the rate limits
                "sonority.rate-limit.per-minute=0",
                // schedules fire only when a test calls ScheduleRunner.tick(), never behind another test's back
                "sonority.schedules.tick=0s"})
public abstract class ApiIntegrationTest {

    protected static final TestDatabase DB = TestDatabase.create();
    protected static final TestBroker MQ = TestBroker.create();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            BrokerCleanup.delete(MQ);
            DB.close();
        }));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DB.register(registry::add);
        MQ.register(registry::add);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected RabbitTemplate rabbit;

    @Autowired
    protected AmqpAdmin amqpAdmin;

    @Autowired
    private ObjectProvider<EmbeddedIndexes> embeddedIndexes;

    @Autowired
    protected QueueProperties queues;

    protected Http http() {
        return new Http(port);
    }

    /**
     * Empties every table the tests write (songs cascade to their analyses) and brings the shared context's
     * embedded indexes in line at once: a TRUNCATE sends no index event, so without the refresh an index would
     * still hold an earlier test class's vectors until its next reconcile (and a clip search, say, would pick a
     * model that no longer has any).
     */
    protected void reset() {
        jdbc.sql("TRUNCATE song, song_analysis, embedding, song_descriptors, task, dead_letter, playlist, schedule"
                + " RESTART IDENTITY CASCADE")
                .update();
        embeddedIndexes.ifAvailable(indexes -> {
            for (ModelName model : ModelName.values()) {
                indexes.refresh(model.apiName());
            }
        });
    }
}
