package dev.sonority.launcher.command;

import dev.sonority.launcher.process.BindAddress;

/**
 * What {@code up} tells the user about who can reach the API. Without access control ({@code AUTH_MODE=off}, the
 * default) listening beyond loopback is said plainly, with the way back, every time it is started that way.
 */
final class ApiExposure {

    private ApiExposure() {
    }

    static String describe(BindAddress bind, int port) {
        return describe(bind, port, false);
    }

    /** @param keys whether the API requires API keys ({@code AUTH_MODE=keys}) */
    static String describe(BindAddress bind, int port, boolean keys) {
        if (!bind.loopback() && keys) {
            return "  API open to the network on " + bind.withPort(port) + ", with API keys required (AUTH_MODE=keys);"
                    + " ./sonority keys add NAME --role ROLE makes them.";
        }
        if (bind.loopback()) {
            return "  API on " + bind.withPort(port) + " only (loopback): no other machine can reach it;"
                    + " --bind ADDRESS opens it to the network.";
        }
        String where = bind.withPort(port) + (bind.wildcard() ? " (every network interface)" : "");
        return "  WARNING: the API is open to the network on " + where + ", with no authentication: anyone who can"
                + " reach this machine can use it.\n"
                + "  To keep it to this machine, run ./sonority up with --bind 127.0.0.1 (the default).";
    }
}
