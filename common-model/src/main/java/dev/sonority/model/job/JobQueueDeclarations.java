package dev.sonority.model.job;

import dev.sonority.model.task.TaskType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The exchanges and queues of {@link JobTopology}, declared identically by every service that publishes or
 * consumes (a queue declared twice with different arguments is refused by the broker, so there is exactly
 * one definition). Every job queue dead-letters into {@code {prefix}.dlx}, whose queue keeps the messages
 * that failed for good.
 */
public final class JobQueueDeclarations {

    /**
     * Qpid Broker-J's queue-declare argument for what RabbitMQ calls {@code x-dead-letter-exchange} (Qpid maps it
     * to the queue's alternate binding); the one-command mode's embedded broker is Qpid. RabbitMQ keeps it as an
     * argument it does not use, and Qpid logs and ignores {@code x-dead-letter-exchange}, so a job queue carries
     * both and dead-letters on either broker, while a queue declared without them (the API's index-event queue)
     * dead-letters on neither.
     */
    public static final String QPID_DEAD_LETTER_EXCHANGE = "alternateExchange";

    private JobQueueDeclarations() {
    }

    /**
     * @param workQueues names (as passed to {@link JobTopology#workQueue(String)}) of the fan-out work queues
     *     to declare as well; each is bound to the jobs exchange with its own name as routing key
     */
    public static Declarables declarables(JobTopology topology, List<String> workQueues) {
        List<Declarable> declarables = new ArrayList<>();
        DirectExchange jobs = new DirectExchange(topology.jobsExchange(), true, false);
        FanoutExchange deadLetters = new FanoutExchange(topology.deadLetterExchange(), true, false);
        Queue deadLetterQueue = QueueBuilder.durable(topology.deadLetterQueue()).build();
        declarables.add(jobs);
        declarables.add(deadLetters);
        declarables.add(deadLetterQueue);
        declarables.add(BindingBuilder.bind(deadLetterQueue).to(deadLetters));
        declarables.add(new TopicExchange(topology.eventsExchange(), true, false));
        for (TaskType type : TaskType.values()) {
            declarables.addAll(boundQueue(topology, jobs, topology.jobQueue(type), type.routingKey()));
        }
        for (String name : workQueues) {
            declarables.addAll(boundQueue(topology, jobs, topology.workQueue(name), topology.workQueue(name)));
        }
        return new Declarables(declarables);
    }

    /**
     * One more fan-out work queue, bound to the jobs exchange by its name and dead-lettered like the others, for
     * a feature that declares its own (the exchanges come from {@link #declarables}).
     */
    public static Declarables workQueue(JobTopology topology, String name) {
        DirectExchange jobs = new DirectExchange(topology.jobsExchange(), true, false);
        return new Declarables(boundQueue(topology, jobs, topology.workQueue(name), topology.workQueue(name)));
    }

    private static List<Declarable> boundQueue(JobTopology topology, DirectExchange exchange, String queueName,
            String routingKey) {
        Queue queue = QueueBuilder.durable(queueName).deadLetterExchange(topology.deadLetterExchange())
                .withArgument(QPID_DEAD_LETTER_EXCHANGE, topology.deadLetterExchange()).build();
        Binding binding = BindingBuilder.bind(queue).to(exchange).with(routingKey);
        return List.of(queue, binding);
    }
}
