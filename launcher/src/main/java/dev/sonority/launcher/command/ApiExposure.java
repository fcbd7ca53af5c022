package dev.sonority.launcher.command;

import dev.sonority.launcher.process.BindAddress;

/**
 * What {@code up} tells the user about who can reach the API. The API has no authentication, so listening
 * beyond loopback is said plainly, with the way back, every time it is started that way.
 */
final class ApiExposure {

    private ApiExposure() {
    }

    static String describe(BindAddress bind, int port) {
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
