package dev.sonority.api.index;

import dev.sonority.model.job.IndexChangedEvent;
import org.springframework.amqp.rabbit.annotation.RabbitListener;

/**
 * Receives the worker's {@link IndexChangedEvent}s on a queue of this API instance's own (anonymous,
 * auto-delete: every instance sees every event, and no queue outlives its instance).
 */
public class IndexEventListener {

    private final IndexRefresher refresher;

    IndexEventListener(IndexRefresher refresher) {
        this.refresher = refresher;
    }

    @RabbitListener(queues = "#{@indexEventsQueue.name}")
    public void onIndexChanged(IndexChangedEvent event) {
        if (event.model() != null && !event.model().isBlank()) {
            refresher.refreshSoon(event.model());
        }
    }
}
