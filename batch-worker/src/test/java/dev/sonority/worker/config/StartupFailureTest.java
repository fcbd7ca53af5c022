package dev.sonority.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.testing.FreePorts;
import dev.sonority.model.testing.StartupFailures;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import dev.sonority.worker.SonorityWorkerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The real worker, started with one setting wrong at a time, fails its start, and the analysis Spring Boot
 * prints says what is wrong (naming the setting's value, never a password) and what to do. A broker or a
 * Qdrant that does not answer fails the start once STARTUP_DEPENDENCY_WAIT has passed (shortened here).
 */
class StartupFailureTest {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();

    @TempDir
    Path temp;

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void aMissingMusicDirFailsTheStartNamingItAndHowToSetIt() {
        Path missing = temp.resolve("not-mounted");

        FailureAnalysis analysis = start(args(missing));

        assertThat(analysis.getDescription()).contains("MUSIC_DIR " + missing + " does not exist");
        assertThat(analysis.getAction()).contains("Set MUSIC_DIR").contains("MUSIC_HOST_DIR").contains("--music");
    }

    @Test
    void aMusicDirThatIsAFileFailsTheStart() throws IOException {
        Path file = Files.writeString(temp.resolve("music.txt"), "not a folder");

        assertThat(start(args(file)).getDescription()).contains("MUSIC_DIR " + file + " is not a directory");
    }

    @Test
    void anUnreachableDatabaseFailsTheStartNamingItsUrlWithoutThePassword() throws IOException {
        Map<String, String> args = args(Files.createDirectories(temp.resolve("music")));
        args.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/sonority?password=secret-pw");

        FailureAnalysis analysis = start(args);

        assertThat(analysis.getDescription()).contains("PostgreSQL at jdbc:postgresql://127.0.0.1:1/sonority")
                .contains("could not be reached").doesNotContain("secret-pw");
        assertThat(analysis.getAction()).contains("DATABASE_URL").contains("docker compose -f"
                + " docker-compose.database.yaml up -d postgres");
    }

    @Test
    void anUnknownDatabaseUserFailsTheStartNamingTheCredentialVariables() throws IOException {
        Map<String, String> args = args(Files.createDirectories(temp.resolve("music")));
        args.put("spring.datasource.username", "no_such_sonority_user");

        FailureAnalysis analysis = start(args);

        assertThat(analysis.getDescription()).contains("refused the login of user 'no_such_sonority_user'");
        assertThat(analysis.getAction()).contains("DATABASE_USERNAME").contains("DATABASE_PASSWORD");
    }

    @Test
    void aBrokerRefusingTheLoginFailsTheStartNamingItWithoutThePassword() throws IOException {
        Map<String, String> args = args(Files.createDirectories(temp.resolve("music")));
        args.put("spring.rabbitmq.addresses", "amqp://no_such_user:secret-pw@127.0.0.1:5672");

        FailureAnalysis analysis = start(args);

        assertThat(analysis.getDescription()).contains("RabbitMQ at amqp://no_such_user@127.0.0.1:5672")
                .contains("refused the login").doesNotContain("secret-pw");
        assertThat(analysis.getAction()).contains("RABBITMQ_URL");
    }

    @Test
    void aBrokerThatNeverAnswersFailsTheStartAfterTheWaitNamingIt() throws IOException {
        Map<String, String> args = args(Files.createDirectories(temp.resolve("music")));
        args.put("spring.rabbitmq.addresses", "amqp://guest:secret-pw@127.0.0.1:" + FreePorts.pick());
        args.put("sonority.startup.dependency-wait", "1s");
        args.put("sonority.startup.retry-interval", "100ms");

        FailureAnalysis analysis = start(args);

        assertThat(analysis.getDescription()).contains("RabbitMQ at amqp://guest@127.0.0.1:")
                .contains("could not be reached within 1s").doesNotContain("secret-pw");
        assertThat(analysis.getAction()).contains("RABBITMQ_URL").contains("STARTUP_DEPENDENCY_WAIT");
    }

    @Test
    void aSelectedQdrantThatNeverAnswersFailsTheStartAfterTheWaitNamingIt() throws IOException {
        Map<String, String> args = args(Files.createDirectories(temp.resolve("music")));
        String url = "http://127.0.0.1:" + FreePorts.pick();
        args.put("sonority.vector-store.kind", "qdrant");
        args.put("sonority.vector-store.qdrant.url", url);
        args.put("sonority.vector-store.qdrant.timeout", "500ms");
        args.put("sonority.startup.dependency-wait", "1s");
        args.put("sonority.startup.retry-interval", "100ms");

        FailureAnalysis analysis = start(args);

        assertThat(analysis.getDescription()).contains("Qdrant at " + url).contains("did not answer within 1s");
        assertThat(analysis.getAction()).contains("QDRANT_URL").contains("VECTOR_STORE=embedded")
                .contains("STARTUP_DEPENDENCY_WAIT");
    }

    /** Spring Boot's own bind failure analysis is clear enough here: Sonority adds none. */
    @Test
    void anUnknownVectorStoreFailsTheStartListingTheChoices() throws IOException {
        Map<String, String> args = args(Files.createDirectories(temp.resolve("music")));
        args.put("sonority.vector-store.kind", "pgvector");

        FailureAnalysis analysis = start(args);

        assertThat(analysis.getDescription()).contains("sonority.vector-store.kind").contains("pgvector");
        assertThat(analysis.getAction()).contains("EMBEDDED").contains("QDRANT");
    }

    private static FailureAnalysis start(Map<String, String> args) {
        SpringApplication worker = new SpringApplication(SonorityWorkerApplication.class);
        worker.setWebApplicationType(WebApplicationType.NONE);
        return StartupFailures.analysisOf(worker, args.entrySet().stream()
                .map(arg -> "--" + arg.getKey() + "=" + arg.getValue()).toArray(String[]::new));
    }

    /** A worker that would start: this run's database and broker, the given music folder. */
    private static Map<String, String> args(Path music) {
        Map<String, String> args = new LinkedHashMap<>();
        DB.register((name, value) -> args.put(name, String.valueOf(value.get())));
        MQ.register((name, value) -> args.put(name, String.valueOf(value.get())));
        args.put("sonority.worker.music-dir", music.toString());
        args.put("spring.main.banner-mode", "off");
        return args;
    }
}
