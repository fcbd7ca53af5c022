package dev.sonority.worker.config;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;

/**
 * Decides the fate of a message whose in-process retries are exhausted. A failure of a dependency that will
 * come back (PostgreSQL or the broker unreachable) puts the message back on its queue, so nothing is lost
 * while the dependency is down; any other failure means the message itself is poison, and it is republished
 * to the dead-letter exchange with the exception in its headers (Spring AMQP's
 * {@link RepublishMessageRecoverer}), where the {@code deadletter} package records it for the API.
 */
public final class DeadLetterOrRequeueRecoverer extends RepublishMessageRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOrRequeueRecoverer.class);

    /** Header naming the queue the message failed on (the routing key alone does not say it). */
    public static final String X_ORIGINAL_QUEUE = "x-original-queue";

    DeadLetterOrRequeueRecoverer(AmqpTemplate template, String deadLetterExchange) {
        super(template, deadLetterExchange);
    }

    @Override
    public void recover(Message message, Throwable cause) {
        if (TransientFailures.isTransient(cause)) {
            log.warn("A dependency is unavailable ({}); message requeued for later",
                    TransientFailures.describe(cause));
            throw new ImmediateRequeueAmqpException("dependency unavailable, requeued", cause);
        }
        log.error("Message failed for good; sending it to the dead-letter queue: {}", cause.toString());
        super.recover(message, cause);
    }

    @Override
    protected Map<? extends String, ? extends Object> additionalHeaders(Message message, Throwable cause) {
        String queue = message.getMessageProperties().getConsumerQueue();
        return queue == null ? Map.of() : Map.of(X_ORIGINAL_QUEUE, queue);
    }
}
