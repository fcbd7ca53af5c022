package dev.sonority.e2e;

import static dev.sonority.e2e.ServiceHttp.jar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.launcher.LauncherException;
import dev.sonority.launcher.cli.KeysOptions;
import dev.sonority.launcher.command.KeysCommand;
import dev.sonority.testing.FreePorts;
import dev.sonority.testing.ServiceProcess;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sonority keys add|list|revoke} against the packaged api-service started with AUTH_MODE=keys and a
 * SONORITY_ADMIN_KEY: the key it prints works, the list shows it, revoking it makes the API refuse it, and a
 * missing admin key is a message that says what to set.
 */
class KeysCommandIT {

    static final TestDatabase DB = TestDatabase.create();
    static final TestBroker MQ = TestBroker.create();
    static final String ADMIN_KEY = "launcher-test-admin-key-0123456789abcdef";

    @TempDir
    Path temp;

    @AfterAll
    static void cleanUp() {
        DB.close();
    }

    @Test
    void addListRevokeThroughTheRunningApi() throws Exception {
        Path project = Path.of(System.getProperty("sonority.project.dir"));
        int port = FreePorts.pick();
        Map<String, String> env = new HashMap<>(DB.environment());
        env.putAll(MQ.environment());
        env.put("API_PORT", Integer.toString(port));
        env.put("AUTH_MODE", "keys");
        env.put("SONORITY_ADMIN_KEY", ADMIN_KEY);
        String api = "http://127.0.0.1:" + port;
        try (ServiceProcess service = ServiceProcess.start(jar(project, "api-service"),
                List.of("-Xmx512m", "--add-modules", "jdk.incubator.vector"), env, temp.resolve("api.log"))) {
            service.awaitHealthy(api + "/health", Duration.ofSeconds(180));
            Map<String, String> admin = Map.of("SONORITY_ADMIN_KEY", ADMIN_KEY);

            String added = keys(admin, "add", "sola", "--role", "read", "--api", api);
            Matcher key = Pattern.compile("(?m)^  (snr_(k[0-9a-f]{10})_\\S+)$").matcher(added);
            assertThat(key.find()).as(added).isTrue();
            assertThat(statusOf(api + "/api/v1/stats", key.group(1))).isEqualTo(200);
            assertThat(statusOf(api + "/api/v1/stats", null)).isEqualTo(401);

            String listed = keys(admin, "list", "--api", api);
            assertThat(listed).contains(key.group(2)).contains("sola").contains("env-admin").doesNotContain(key.group(1));

            assertThat(keys(admin, "revoke", key.group(2), "--api", api)).contains("Revoked key " + key.group(2));
            assertThat(statusOf(api + "/api/v1/stats", key.group(1))).isEqualTo(401);
            assertThat(keys(admin, "list", "--api", api)).containsPattern(key.group(2) + " +read +\\S+ +\\d{4}-");

            assertThatThrownBy(() -> keys(Map.of(), "list", "--api", api)).isInstanceOf(LauncherException.class)
                    .hasMessageContaining("401")
                    .satisfies(e -> assertThat(((LauncherException) e).action()).contains("SONORITY_ADMIN_KEY"));
        }
    }

    private String keys(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "keys";
        System.arraycopy(args, 0, all, 1, args.length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new KeysCommand(KeysOptions.parse(all, env, temp), new PrintStream(bytes, true,
                StandardCharsets.UTF_8)).run();
        assertThat(code).as(bytes.toString(StandardCharsets.UTF_8)).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int statusOf(String url, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return ServiceHttp.HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
