package dev.sonority.model.job;

import dev.sonority.model.RootCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes job requests and child batches (analyze, clustering) to the jobs exchange, persistent and mandatory, and waits for
 * the broker's correlated publisher confirm of each: on return the broker has every message in a queue.
 * Anything else (broker unreachable, message refused, returned as unroutable, no confirm within {@link
 * PublishProperties#confirmTimeout()}) is a {@link PublishException} saying which.
 *
 * <p>The template must use {@code spring.rabbitmq.publisher-confirm-type: correlated},
 * {@code publisher-returns: true} and {@code template.mandatory: true}; without them no confirm ever arrives
 * and every publish fails on the timeout, naming these settings.
 */
public class JobPublisher {

    private final RabbitTemplate rabbit;
    private final JobTopology topology;
    private final Duration confirmTimeout;

    public JobPublisher(RabbitTemplate rabbit, JobTopology topology, PublishProperties properties) {
        this.rabbit = rabbit;
        this.topology = topology;
        this.confirmTimeout = properties.confirmTimeout();
    }

    /** Publishes one job request (routed by its type) and waits for its confirm. */
    public void publishJob(JobRequest request) {
        CorrelationData correlation = send(request.type().routingKey(), request, request.taskId().toString());
        awaitConfirms(List.of(correlation));
    }

    /** Publishes a task's child batches in one burst, then waits for every confirm. */
    public void publishBatches(List<AnalyzeBatch> batches) {
        publishWork(AnalyzeBatch.WORK_QUEUE, batches);
    }

    /**
     * Publishes child messages onto the fan-out work queue {@code workQueue} (as {@link
     * JobTopology#workQueue(String)} names it) in one burst, then waits for every confirm.
     */
    public void publishWork(String workQueue, List<?> messages) {
        String routingKey = topology.workQueue(workQueue);
        List<CorrelationData> correlations = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            correlations.add(send(routingKey, messages.get(i), workQueue + "/" + i));
        }
        awaitConfirms(correlations);
    }

    private CorrelationData send(String routingKey, Object payload, String id) {
        CorrelationData correlation = new CorrelationData(id);
        try {
            rabbit.convertAndSend(topology.jobsExchange(), routingKey, payload, message -> {
                message.getMessageProperties().setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                return message;
            }, correlation);
        } catch (AmqpException e) {
            throw new PublishException(RootCause.message(e), e);
        }
        return correlation;
    }

    private void awaitConfirms(List<CorrelationData> correlations) {
        Instant deadline = Instant.now().plus(confirmTimeout);
        for (CorrelationData correlation : correlations) {
            CorrelationData.Confirm confirm = awaitConfirm(correlation, deadline);
            if (!confirm.ack()) {
                throw new PublishException("the broker refused the message (" + confirm.reason() + ")");
            }
            ReturnedMessage returned = correlation.getReturned();
            if (returned != null) {
                throw new PublishException("the message could not be routed to a queue (" + returned.getReplyCode()
                        + " " + returned.getReplyText() + ", exchange " + returned.getExchange() + ", routing key "
                        + returned.getRoutingKey() + "): no queue is bound to it; is a worker's queue declared?");
            }
        }
    }

    private CorrelationData.Confirm awaitConfirm(CorrelationData correlation, Instant deadline) {
        long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        try {
            return correlation.getFuture().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PublishException("no publisher confirm from the broker within " + confirmTimeout
                    + " (sonority.publish.confirm-timeout; the template needs spring.rabbitmq.publisher-confirm-type"
                    + "=correlated)", e);
        } catch (ExecutionException e) {
            throw new PublishException(RootCause.message(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for the publisher confirm", e);
        }
    }
}
