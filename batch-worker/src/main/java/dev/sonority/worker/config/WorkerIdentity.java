package dev.sonority.worker.config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;

/**
 * The name this worker process writes into the {@code owner} column of the tasks it runs: host, pid and a
 * random part, so a restarted process on the same host never mistakes a dead one's task for its own.
 */
public record WorkerIdentity(String name) {

    public static WorkerIdentity ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return new WorkerIdentity(host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }
}
