package dev.sonority.api.deadletters;

import java.time.Instant;
import java.util.UUID;

/** A dead letter as the API shows it; {@code payload} is the message body as text. */
public record DeadLetterView(long id, String queue, String routingKey, UUID taskId, String payload, String error,
        int attempts, Instant createdAt) {
}
