package dev.sonority.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BindAddressTest {

    @Test
    void loopbackIsReachedOnItself() {
        BindAddress bind = BindAddress.parse(" 127.0.0.1 ");
        assertThat(bind).isEqualTo(BindAddress.LOOPBACK);
        assertThat(bind.loopback()).isTrue();
        assertThat(bind.wildcard()).isFalse();
        assertThat(bind.value()).isEqualTo("127.0.0.1");
        assertThat(bind.url(8000)).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(bind.withPort(8000)).isEqualTo("127.0.0.1:8000");
        assertThat(BindAddress.parse("localhost").loopback()).isTrue();
    }

    @Test
    void theWildcardIsReachedOnLoopback() {
        BindAddress bind = BindAddress.parse("0.0.0.0");
        assertThat(bind.wildcard()).isTrue();
        assertThat(bind.loopback()).isFalse();
        assertThat(bind.value()).isEqualTo("0.0.0.0");
        assertThat(bind.url(8000)).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(bind.withPort(8000)).isEqualTo("0.0.0.0:8000");
        assertThat(BindAddress.parse("::").reachableAt()).isEqualTo(BindAddress.LOOPBACK.address());
    }

    @Test
    void ipv6GoesInBrackets() {
        BindAddress bind = BindAddress.parse("[0:0:0:0:0:0:0:1]");
        assertThat(bind.loopback()).isTrue();
        assertThat(bind.value()).isEqualTo("::1");
        assertThat(bind.url(8000)).isEqualTo(URI.create("http://[::1]:8000"));
        assertThat(bind.withPort(8000)).isEqualTo("[::1]:8000");
        assertThat(BindAddress.parse("::").value()).isEqualTo("::");
    }

    @Test
    void ipv6IsWrittenShortAsRfc5952Says() {
        assertThat(BindAddress.text(InetAddress.ofLiteral("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(BindAddress.text(InetAddress.ofLiteral("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(BindAddress.text(InetAddress.ofLiteral("2001:db8:1:1:1:1:0:1"))).isEqualTo("2001:db8:1:1:1:1:0:1");
        assertThat(BindAddress.text(InetAddress.ofLiteral("fe80:0:0:0:0:0:0:0"))).isEqualTo("fe80::");
        assertThat(BindAddress.text(InetAddress.ofLiteral("192.168.1.5"))).isEqualTo("192.168.1.5");
    }

    @Test
    void anInterfaceAddressIsReachedOnlyThere() {
        InetAddress own = LocalAddresses.nonLoopbackIpv4().orElse(null);
        Assumptions.assumeTrue(own != null, "this machine has no non-loopback IPv4 address");
        BindAddress bind = BindAddress.parse(own.getHostAddress());
        assertThat(bind.loopback()).isFalse();
        assertThat(bind.wildcard()).isFalse();
        assertThat(bind.reachableAt()).isEqualTo(own);
        assertThat(bind.url(8000)).isEqualTo(URI.create("http://" + own.getHostAddress() + ":8000"));
    }

    @Test
    void refusesWhatIsNotAnAddressOfThisMachine() {
        assertThatThrownBy(() -> BindAddress.parse("192.168.1.500")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'192.168.1.500' is not an IP address");
        // TEST-NET-3 (RFC 5737): documentation only, never assigned to an interface
        assertThatThrownBy(() -> BindAddress.parse("203.0.113.77")).hasMessage("'203.0.113.77' is not an address of this machine");
        // .invalid never resolves (RFC 6761)
        assertThatThrownBy(() -> BindAddress.parse("nas.invalid"))
                .hasMessage("'nas.invalid' is neither an IP address nor a name that resolves");
    }
}
