package dev.sonority.worker.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.sonority.worker.config.DeadLetterOrRequeueRecoverer;
import dev.sonority.worker.config.TransientFailures;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps every message that failed for good in the {@code dead_letter} table, where the API shows it: the
 * queue it came from, its routing key, the task it belonged to, the payload and the error. Messages arrive
 * here either republished by the retry recoverer (exception headers) or dead-lettered by the broker after a
 * rejection ({@code x-death} header).
 */
@Component
class DeadLetterRecorder {

    private static final Pattern TASK_ID = Pattern.compile("\"taskId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private static final long RETRY_PAUSE_MS = 5_000;

    private final JdbcClient jdbc;

    DeadLetterRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @RabbitListener(queues = "#{jobTopology.deadLetterQueue()}", concurrency = "1",
            containerFactory = "deadLetterContainerFactory")
    void record(Message message) throws InterruptedException {
        try {
            insert(message);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                Thread.sleep(RETRY_PAUSE_MS); // PostgreSQL is down: keep the letter in the queue, do not spin
            }
            throw e; // requeued: a dead letter is never dropped
        }
    }

    private void insert(Message message) {
        MessageProperties props = message.getMessageProperties();
        String payload = new String(message.getBody(), StandardCharsets.UTF_8);
        Map<String, Object> death = firstDeath(props);
        Object republishedFrom = props.getHeaders().get(DeadLetterOrRequeueRecoverer.X_ORIGINAL_QUEUE);
        String queue = republishedFrom != null ? republishedFrom.toString()
                : death != null ? String.valueOf(death.get("queue")) : props.getConsumerQueue();
        Object originalRoutingKey = props.getHeaders().get(RepublishMessageRecoverer.X_ORIGINAL_ROUTING_KEY);
        String routingKey = originalRoutingKey != null ? originalRoutingKey.toString()
                : death != null && death.get("routing-keys") instanceof List<?> keys && !keys.isEmpty()
                        ? String.valueOf(keys.getFirst()) : props.getReceivedRoutingKey();
        Object exception = props.getHeaders().get(RepublishMessageRecoverer.X_EXCEPTION_MESSAGE);
        String error = exception != null ? exception.toString()
                : death != null ? "rejected by the consumer (" + death.get("reason") + ")" : "unknown";
        Object stack = props.getHeaders().get(RepublishMessageRecoverer.X_EXCEPTION_STACKTRACE);
        int attempts = death != null && death.get("count") instanceof Number n ? n.intValue() : 0;
        jdbc.sql("""
                INSERT INTO dead_letter (queue, routing_key, task_id, payload, error, attempts)
                VALUES (:queue, :routingKey, :taskId, :payload, :error, :attempts)
                """).param("queue", queue == null ? "unknown" : queue).param("routingKey", routingKey)
                .param("taskId", taskId(payload)).param("payload", payload)
                .param("error", stack != null ? error + "\n" + stack : error).param("attempts", attempts).update();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstDeath(MessageProperties props) {
        Object xDeath = props.getHeaders().get("x-death");
        if (xDeath instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return null;
    }

    private static UUID taskId(String payload) {
        Matcher matcher = TASK_ID.matcher(payload);
        return matcher.find() ? UUID.fromString(matcher.group(1)) : null;
    }
}
