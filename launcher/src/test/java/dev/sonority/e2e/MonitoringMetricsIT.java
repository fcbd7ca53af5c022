package dev.sonority.e2e;

import static dev.sonority.e2e.ServiceHttp.awaitTask;
import static dev.sonority.e2e.ServiceHttp.get;
import static dev.sonority.e2e.ServiceHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.audio.fixture.FixtureLibrary;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules and the Grafana dashboard in {@code docker/monitoring/} name only metrics the services
 * really export: the three packaged services run a scan, an analysis with MusiCNN (through inference-service)
 * and a search, then each {@code /actuator/prometheus} is scraped, and every metric name the two files use
 * must appear in a scrape. A renamed meter, or a panel written against a name that was never exported,
 * fails here instead of showing an empty graph.
 */
class MonitoringMetricsIT {

    /** Metric names as the files write them (PromQL); Prometheus's own {@code up} is not a service's. */
    static final Pattern METRIC = Pattern.compile("\\b((?:sonority|http|jvm)_[a-z0-9_]+)");

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();

    @TempDir
    static Path temp;

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardNameIsExported() throws Exception {
        Path project = Path.of(System.getProperty("sonority.project.dir"));
        Set<String> used = new TreeSet<>();
        for (String file : List.of("docker/monitoring/alerts.yml", "docker/monitoring/grafana/dashboards/sonority.json")) {
            Matcher names = METRIC.matcher(Files.readString(project.resolve(file)));
            while (names.find()) {
                used.add(names.group(1));
            }
        }
        assertThat(used).as("the files name service metrics").hasSizeGreaterThan(10);

        FixtureLibrary library = FixtureLibrary.create(temp.resolve("music"));
        try (ServiceStack stack = ServiceStack.start(temp, library.root(), DB, MQ)) {
            String api = stack.api();
            String inference = stack.inference();
            String worker = stack.worker();
            assertThat(awaitTask(api, post(api + "/api/v1/batch/scan/run"), Duration.ofMinutes(4))
                    .path("status").asString()).isEqualTo("SUCCESS");
            assertThat(awaitTask(api, post(api + "/api/v1/batch/analyze/run"), Duration.ofMinutes(4))
                    .path("status").asString()).isEqualTo("SUCCESS");
            ServiceHttp.send(api + "/api/v1/songs/search?q=" + URLEncoder.encode("calm piano", StandardCharsets.UTF_8));

            String scrapes = get(api + "/actuator/prometheus").body() + get(inference + "/actuator/prometheus").body()
                    + get(worker + "/actuator/prometheus").body();
            Set<String> exported = new TreeSet<>();
            Matcher lines = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scrapes);
            while (lines.find()) {
                exported.add(lines.group(1));
            }
            assertThat(exported).as("names the services export").containsAll(used);
        }
    }
}
