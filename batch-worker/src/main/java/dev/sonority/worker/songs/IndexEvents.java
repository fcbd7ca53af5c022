package dev.sonority.worker.songs;

import dev.sonority.model.job.IndexChangedEvent;
import dev.sonority.model.job.JobTopology;
import java.time.Instant;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells API instances that vectors of a model were added, changed or removed, so their embedded index
 * reloads incrementally. Inside a transaction the event is sent after the commit (an index must never
 * look for rows that are not visible yet); a lost event only delays the refresh, the data is in PostgreSQL.
 */
@Component
public class IndexEvents {

    private static final Logger log = LoggerFactory.getLogger(IndexEvents.class);

    private final RabbitTemplate template;
    private final JobTopology topology;

    IndexEvents(RabbitTemplate template, JobTopology topology) {
        this.template = template;
        this.topology = topology;
    }

    public void vectorsChanged(Collection<String> models) {
        vectorsChanged(models, Instant.now());
    }

    /** As {@link #vectorsChanged(Collection)} for vectors written since {@code changedFrom} (a long rewrite). */
    public void vectorsChanged(Collection<String> models, Instant changedFrom) {
        if (models.isEmpty()) {
            return;
        }
        Instant since = changedFrom.minusSeconds(1);
        Runnable send = () -> {
            try {
                models.forEach(model -> template.convertAndSend(topology.eventsExchange(),
                        JobTopology.indexChangedRoutingKey(model), new IndexChangedEvent(model, since)));
            } catch (AmqpException e) { // the vectors are committed; an index catches up on its next refresh
                log.warn("Could not announce changed vectors of {}: {}", models, e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }
}
