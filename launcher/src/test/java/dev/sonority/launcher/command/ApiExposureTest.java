package dev.sonority.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.launcher.process.BindAddress;
import dev.sonority.launcher.process.LocalAddresses;
import java.net.InetAddress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ApiExposureTest {

    @Test
    void loopbackSaysThisMachineOnly() {
        assertThat(ApiExposure.describe(BindAddress.LOOPBACK, 8000))
                .isEqualTo("  API on 127.0.0.1:8000 only (loopback): no other machine can reach it; --bind ADDRESS opens it to the network.");
    }

    @Test
    void theWildcardIsAnUnauthenticatedApiOnEveryInterface() {
        assertThat(ApiExposure.describe(BindAddress.parse("0.0.0.0"), 8000)).isEqualTo("""
                  WARNING: the API is open to the network on 0.0.0.0:8000 (every network interface), with no \
                authentication: anyone who can reach this machine can use it.
                  To keep it to this machine, run ./sonority up with --bind 127.0.0.1 (the default).""");
    }

    @Test
    void anInterfaceAddressIsNamedWithTheWayBack() {
        InetAddress own = LocalAddresses.nonLoopbackIpv4().orElse(null);
        Assumptions.assumeTrue(own != null, "this machine has no non-loopback IPv4 address");
        assertThat(ApiExposure.describe(BindAddress.parse(own.getHostAddress()), 8000))
                .contains("the API is open to the network on " + own.getHostAddress() + ":8000, with no authentication")
                .contains("--bind 127.0.0.1");
    }

    @Test
    void withKeysRequiredTheOpenApiIsNoWarning() {
        assertThat(ApiExposure.describe(BindAddress.parse("0.0.0.0"), 8000, true))
                .startsWith("  API open to the network on 0.0.0.0:8000, with API keys required").doesNotContain("WARNING");
        assertThat(ApiExposure.describe(BindAddress.LOOPBACK, 8000, true)).contains("loopback");
    }
}
