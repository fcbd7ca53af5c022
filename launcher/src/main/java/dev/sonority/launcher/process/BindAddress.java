package dev.sonority.launcher.process;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The address a service listens on (its {@code BIND_ADDRESS}, Spring's {@code server.address}) and, from
 * that, the address the launcher reaches it at on this machine: the wildcard answers on loopback too, but a
 * service bound to one interface's address (say 192.168.1.5) answers only there, not on 127.0.0.1.
 *
 * @param address an address of this machine: loopback, the wildcard, or an interface's address
 */
public record BindAddress(InetAddress address) {

    /** This machine only: the default, and always the inference-service's and the batch-worker's. */
    public static final BindAddress LOOPBACK = new BindAddress(InetAddress.ofLiteral("127.0.0.1"));

    /**
     * An IP literal, or a name that resolves to an address of this machine (the first such one).
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static BindAddress parse(String text) {
        String trimmed = text.trim();
        InetAddress address;
        if (trimmed.matches("[0-9.]+")) {
            // only digits and dots is meant as IPv4: never ask DNS about a mistyped one such as 192.168.1.500
            try {
                address = InetAddress.ofLiteral(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address");
            }
            if (!ofThisMachine(address)) {
                throw notOfThisMachine(text);
            }
            return new BindAddress(address);
        }
        try {
            // an IPv6 literal (with or without brackets or a %scope) is parsed here too, without a DNS lookup
            return new BindAddress(Arrays.stream(InetAddress.getAllByName(trimmed)).filter(BindAddress::ofThisMachine)
                    .findFirst().orElseThrow(() -> notOfThisMachine(text)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is neither an IP address nor a name that resolves");
        }
    }

    /** What the service gets as {@code BIND_ADDRESS}: the address as a literal, never a name. */
    public String value() {
        return text(address);
    }

    public boolean loopback() {
        return address.isLoopbackAddress();
    }

    public boolean wildcard() {
        return address.isAnyLocalAddress();
    }

    /** Where a client on this machine connects: loopback for the wildcard, else the bound address itself. */
    public InetAddress reachableAt() {
        return wildcard() ? LOOPBACK.address : address;
    }

    /** {@code http://HOST:PORT} at {@link #reachableAt()}. */
    public URI url(int port) {
        return URI.create("http://" + uriHost(reachableAt()) + ":" + port);
    }

    /** The bound address and a port as a user types them, e.g. {@code 192.168.1.5:8000} or {@code [::1]:8000}. */
    public String withPort(int port) {
        return uriHost(address) + ":" + port;
    }

    private static String uriHost(InetAddress address) {
        // IPv6 goes in brackets, and a zone's '%' must be escaped in a URI
        return address instanceof Inet6Address ? "[" + text(address).replace("%", "%25") + "]" : text(address);
    }

    /**
     * The address as RFC 5952 writes it: IPv6 with its longest run of zero groups as {@code ::}. The services
     * accept the Host {@code [::1]} on loopback, not the {@code [0:0:0:0:0:0:0:1]} of
     * {@link InetAddress#getHostAddress()}, and a user recognises the short form.
     */
    static String text(InetAddress address) {
        String full = address.getHostAddress();
        if (!(address instanceof Inet6Address)) {
            return full;
        }
        int percent = full.indexOf('%');
        String zone = percent < 0 ? "" : full.substring(percent);
        String[] groups = (percent < 0 ? full : full.substring(0, percent)).split(":"); // 8, no leading zeros
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays "0"
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail + zone;
    }

    private static boolean ofThisMachine(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static IllegalArgumentException notOfThisMachine(String text) {
        // binding it would fail in each service with "Cannot assign requested address"; say so before starting
        return new IllegalArgumentException("'" + text + "' is not an address of this machine");
    }
}
