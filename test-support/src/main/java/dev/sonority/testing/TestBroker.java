package dev.sonority.testing;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Isolates one test run on the real RabbitMQ of the development machine (127.0.0.1:5672, guest/guest;
 * override with {@code SONORITY_TEST_RABBITMQ_URL}): every exchange and queue the run declares carries its
 * own random prefix, so runs never consume each other's messages.
 *
 * <pre>
 * static final TestBroker MQ = TestBroker.create();
 * &#64;DynamicPropertySource static void mq(DynamicPropertyRegistry r) { MQ.register(r::add); }
 * </pre>
 */
public final class TestBroker {

    private static final String URL = env("SONORITY_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672");

    private final String prefix;

    private TestBroker(String prefix) {
        this.prefix = prefix;
    }

    /** A broker view whose queue prefix is {@code sonority_test_<random>}. */
    public static TestBroker create() {
        return new TestBroker("sonority_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT));
    }

    public String prefix() {
        return prefix;
    }

    public String url() {
        return URL;
    }

    /** Registers the Spring broker and queue-prefix properties. */
    public void register(TestDatabase.PropertySink sink) {
        sink.add("spring.rabbitmq.addresses", () -> URL);
        sink.add("sonority.queues.prefix", () -> prefix);
    }

    /** The environment variables a Sonority service process needs to use this broker view. */
    public Map<String, String> environment() {
        return Map.of("RABBITMQ_URL", URL, "SONORITY_QUEUE_PREFIX", prefix);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
