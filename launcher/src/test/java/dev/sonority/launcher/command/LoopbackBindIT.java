package dev.sonority.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sonority.launcher.process.BindAddress;
import dev.sonority.launcher.process.LocalAddresses;
import dev.sonority.launcher.process.ServiceProcess;
import dev.sonority.launcher.process.ServiceSpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service really listens where the launcher says, checked on a socket rather than on the environment it is
 * given: the packaged inference-service, started as {@code up} starts it (ServiceLineup's spec through
 * ServiceProcess, the launcher's own environment inherited), accepts a connection on 127.0.0.1 and refuses one
 * on this machine's non-loopback address, by default and under {@code --bind 0.0.0.0}, which opens the API
 * only; and bound to that address, it is found ready there and refuses 127.0.0.1. inference-service is the
 * lightest service (no database, no broker); the test is in ServiceLineup's package to use the launcher's own
 * spec. Needs the services to honour BIND_ADDRESS (server.address).
 */
class LoopbackBindIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "up {0}")
    @ValueSource(strings = {"(default)", "--bind=0.0.0.0"})
    void inferenceServiceListensOnLoopbackOnly(String bindOption) throws Exception {
        InetAddress lan = nonLoopbackAddress();
        ServiceSpec inference = inferenceSpecOfUp(bindOption.startsWith("--") ? List.of(bindOption) : List.of());
        assertListensOnlyOn(inference, BindAddress.LOOPBACK.address(), lan);
    }

    /** What the launcher does for the API under --bind with a LAN address: it waits for it, and talks to it, there. */
    @Test
    void aServiceBoundToThisMachinesAddressIsReachedThereAndNotOnLoopback() throws Exception {
        InetAddress lan = nonLoopbackAddress();
        ServiceSpec up = inferenceSpecOfUp(List.of());
        ServiceSpec onLan = new ServiceSpec(up.name(), up.jar(), up.jvmOptions(), up.environment(),
                BindAddress.parse(lan.getHostAddress()), up.port(), "/actuator/health/readiness", up.logFile());
        assertListensOnlyOn(onLan, lan, BindAddress.LOOPBACK.address());
    }

    /** Starts the service, waits until ServiceProcess finds it ready, and connects where it must and must not answer. */
    private static void assertListensOnlyOn(ServiceSpec spec, InetAddress accepting, InetAddress refusing) {
        ServiceProcess service = ServiceProcess.start(spec);
        try {
            service.awaitReady(Duration.ofMinutes(2));
            int port = spec.port();
            assertThatCode(() -> connect(accepting, port)).as("connecting to %s:%d", accepting.getHostAddress(), port)
                    .doesNotThrowAnyException();
            assertThat(catchThrowable(() -> connect(refusing, port)))
                    .as("connecting to %s:%d (BIND_ADDRESS=%s)", refusing.getHostAddress(), port, spec.environment().get("BIND_ADDRESS"))
                    .isInstanceOf(ConnectException.class);
        } finally {
            service.stop(Duration.ofSeconds(20));
        }
    }

    private static InetAddress nonLoopbackAddress() {
        InetAddress lan = LocalAddresses.nonLoopbackIpv4().orElse(null);
        Assumptions.assumeTrue(lan != null, "this machine has no non-loopback IPv4 address to try");
        return lan;
    }

    private ServiceSpec inferenceSpecOfUp(List<String> extraOptions) throws IOException {
        return InferenceSpecOfUp.in(dir, extraOptions);
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }
}
