package dev.sonority.launcher.infra;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.launcher.LauncherException;
import dev.sonority.launcher.process.LocalAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** requireFree checks the port on the address the service will bind, not on every interface. */
class FreePortsTest {

    private static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");

    @Test
    void aPortHeldOnTheSameAddressOrOnEveryInterfaceIsTaken() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, LOOPBACK)) {
            assertThatThrownBy(() -> FreePorts.requireFree(LOOPBACK, held.getLocalPort(), "the API port (--port / API_PORT)"))
                    .isInstanceOf(LauncherException.class)
                    .hasMessage("Port " + held.getLocalPort() + " on 127.0.0.1, the API port (--port / API_PORT), is already in use.");
        }
        try (ServerSocket everywhere = new ServerSocket()) {
            everywhere.bind(new InetSocketAddress(0));
            assertThatThrownBy(() -> FreePorts.requireFree(LOOPBACK, everywhere.getLocalPort(), "the API port"))
                    .isInstanceOf(LauncherException.class);
        }
    }

    @Test
    void aPortHeldOnlyOnAnotherInterfaceIsFreeOnLoopback() throws Exception {
        InetAddress own = LocalAddresses.nonLoopbackIpv4().orElse(null);
        Assumptions.assumeTrue(own != null, "this machine has no non-loopback IPv4 address");
        try (ServerSocket elsewhere = new ServerSocket(0, 1, own)) {
            assertThatCode(() -> FreePorts.requireFree(LOOPBACK, elsewhere.getLocalPort(), "the API port")).doesNotThrowAnyException();
            assertThatThrownBy(() -> FreePorts.requireFree(own, elsewhere.getLocalPort(), "the API port"))
                    .isInstanceOf(LauncherException.class);
        }
    }
}
