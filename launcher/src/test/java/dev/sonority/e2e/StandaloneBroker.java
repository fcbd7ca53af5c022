package dev.sonority.e2e;

import dev.sonority.launcher.infra.EmbeddedBroker;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher's {@link EmbeddedBroker} (Qpid Broker-J on its Derby store) in a JVM of its own, so that
 * {@link FaultMatrixIT} can kill it with SIGKILL: in {@code ./sonority up} it lives inside the launcher's JVM,
 * where a test could only shut it down cleanly. Same class, same configuration, same store layout.
 *
 * <p>Arguments: the broker's work directory, its AMQP port, the services' queue prefix. It runs until killed.
 */
public final class StandaloneBroker {

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedBroker broker = EmbeddedBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), args[2]);
        System.out.println("Broker ready: " + broker.endpoint().description());
        new CountDownLatch(1).await();
    }
}
