package dev.sonority.api.tasks;

import dev.sonority.api.web.ApiExceptionHandler;
import dev.sonority.model.job.JobRequest;
import dev.sonority.model.job.JobTopology;
import dev.sonority.model.job.QueueProperties;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a {@link JobRequest} to the jobs exchange, persistent and mandatory, and waits for the broker's
 * publisher confirm: on return the broker has the message in a queue. Anything else is an
 * {@link EnqueueException} naming what went wrong.
 */
@Component
public class JobPublisher {

    private final RabbitTemplate rabbit;
    private final JobTopology topology;
    private final Duration confirmTimeout;

    public JobPublisher(RabbitTemplate rabbit, QueueProperties queues, PublishProperties properties) {
        this.rabbit = rabbit;
        this.topology = queues.topology();
        this.confirmTimeout = properties.confirmTimeout();
    }

    public void publish(JobRequest request) {
        CorrelationData correlation = new CorrelationData(request.taskId().toString());
        try {
            rabbit.convertAndSend(topology.jobsExchange(), request.type().routingKey(), request, message -> {
                message.getMessageProperties().setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                return message;
            }, correlation);
        } catch (AmqpException e) {
            throw new EnqueueException(ApiExceptionHandler.rootMessage(e), e);
        }
        CorrelationData.Confirm confirm = awaitConfirm(correlation);
        if (!confirm.ack()) {
            throw new EnqueueException("the broker refused the message (" + confirm.reason() + ")");
        }
        ReturnedMessage returned = correlation.getReturned();
        if (returned != null) {
            throw new EnqueueException("the message could not be routed to a queue (" + returned.getReplyCode() + " "
                    + returned.getReplyText() + ", exchange " + returned.getExchange() + ", routing key "
                    + returned.getRoutingKey() + ")");
        }
    }

    private CorrelationData.Confirm awaitConfirm(CorrelationData correlation) {
        try {
            return correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EnqueueException("no publisher confirm from the broker within " + confirmTimeout, e);
        } catch (ExecutionException e) {
            throw new EnqueueException(ApiExceptionHandler.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnqueueException("interrupted while waiting for the publisher confirm", e);
        }
    }
}
