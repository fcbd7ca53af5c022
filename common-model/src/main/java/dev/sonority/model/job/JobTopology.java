package dev.sonority.model.job;

import dev.sonority.model.task.TaskType;

/**
 * The names of Sonority's exchanges and queues, all derived from one prefix. Publishers and consumers in
 * different services use this one class, so the names cannot drift apart.
 *
 * <pre>
 * {prefix}.jobs          direct exchange; routing key = TaskType.routingKey()
 * {prefix}.jobs.{type}   durable queue per task type (scan, vacuum, analyze)
 * {prefix}.dlx           dead-letter exchange; {prefix}.dlq its queue
 * {prefix}.events        topic exchange for events such as IndexChangedEvent (routing key "index.{model}")
 * </pre>
 */
public record JobTopology(String prefix) {

    public String jobsExchange() {
        return prefix + ".jobs";
    }

    public String jobQueue(TaskType type) {
        return prefix + ".jobs." + type.routingKey();
    }

    /** A queue for work a job fans out into (e.g. analyze batches), on the jobs exchange. */
    public String workQueue(String name) {
        return prefix + ".work." + name;
    }

    public String deadLetterExchange() {
        return prefix + ".dlx";
    }

    public String deadLetterQueue() {
        return prefix + ".dlq";
    }

    public String eventsExchange() {
        return prefix + ".events";
    }

    public static String indexChangedRoutingKey(String model) {
        return "index." + model;
    }
}
