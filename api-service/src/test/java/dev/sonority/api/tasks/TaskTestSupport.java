package dev.sonority.api.tasks;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.model.job.JobRequest;
import dev.sonority.model.task.TaskType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/** Empty tables and queues before each test, and a way to take the published job request off its queue. */
abstract class TaskTestSupport extends ApiIntegrationTest {

    @BeforeEach
    void emptyTablesAndQueues() {
        reset();
        ((RabbitAdmin) amqpAdmin).initialize();
        for (TaskType type : TaskType.values()) {
            amqpAdmin.purgeQueue(queues.topology().jobQueue(type), false);
        }
    }

    /** The next message on the queue of this task type, or null after the timeout. */
    Message receive(TaskType type, long timeoutMillis) {
        return rabbit.receive(queues.topology().jobQueue(type), timeoutMillis);
    }

    JobRequest receiveRequest(TaskType type) {
        Message message = receive(type, 10_000);
        return message == null ? null : (JobRequest) rabbit.getMessageConverter().fromMessage(message);
    }

    UUID insertTask(String type, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO task (id, type, name, status) VALUES (:id, :type, :name, :status)")
                .param("id", id).param("type", type).param("name", TaskType.valueOf(type).displayName())
                .param("status", status).update();
        return id;
    }
}
