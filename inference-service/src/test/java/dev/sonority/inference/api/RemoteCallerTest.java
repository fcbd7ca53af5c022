package dev.sonority.inference.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sonority.web.testing.RawHttp;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A caller on another machine (here: this machine's own non-loopback address, so the peer address is not
 * loopback) sees no server paths, no health details and no metrics. Skipped where the machine has no such address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemoteCallerTest {

    private static final Optional<InetAddress> SITE = siteAddress();

    @DynamicPropertySource
    static void bindToTheSiteAddress(DynamicPropertyRegistry registry) {
        // bound to this one address for the test's few seconds, never to every interface
        registry.add("server.address", () -> SITE.map(InetAddress::getHostAddress).orElse("127.0.0.1"));
        registry.add("MODELS_INSTALL_BUNDLED", () -> "false");
    }

    @LocalServerPort
    int port;

    @Test
    void remoteCallersSeeNoPathsNoDetailsAndNoMetrics() {
        assumeTrue(SITE.isPresent(), "no non-loopback IPv4 address on this machine");
        RawHttp remote = new RawHttp(SITE.get().getHostAddress(), port);
        RawHttp.Answer models = remote.get("/v1/models");
        assertThat(models.status()).isEqualTo(200);
        assertThat(models.body()).doesNotContain("models_dir").doesNotContain("\"manifest\"").contains("musicnn");
        RawHttp.Answer health = remote.get("/actuator/health");
        assertThat(health.body()).contains("\"status\"").doesNotContain("\"details\"");
        assertThat(remote.get("/actuator/prometheus").status()).isEqualTo(403);
    }

    private static Optional<InetAddress> siteAddress() {
        try {
            return NetworkInterface.networkInterfaces().filter(RemoteCallerTest::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
