package dev.sonority.bench.discovery;

import dev.sonority.api.SonorityApiApplication;
import dev.sonority.bench.api.BenchLibrary;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * api-service started in this JVM on a bench database, with the settings the real jar would take from its
 * environment, so the bench can call its beans directly: the same classes, the same embedded Lucene index, no
 * HTTP between the bench and the code it measures. It still serves HTTP on a free port.
 */
final class InProcessApi implements AutoCloseable {

    final ConfigurableApplicationContext context;

    private InProcessApi(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static InProcessApi start(BenchLibrary library, Path snapshots) {
        return new InProcessApi(new SpringApplicationBuilder(SonorityApiApplication.class).run(
                "--DATABASE_URL=" + library.jdbcUrl(), "--DATABASE_USERNAME=" + BenchLibrary.USER, "--DATABASE_PASSWORD=",
                "--RABBITMQ_URL=amqp://guest:guest@127.0.0.1:5672", "--SONORITY_QUEUE_PREFIX=" + library.name(),
                "--API_PORT=0", "--INDEX_SNAPSHOT_DIR=" + snapshots, "--logging.level.root=WARN",
                "--SEARCH_SONG_REFRESH=" + Duration.ofSeconds(2)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
