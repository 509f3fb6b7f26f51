package io.modeltrust.service.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * Predictions a service keeps while they await labels: ids (hashed), predictions and scores, the only
 * per-row data a service stores. A bean of this type has them expired by {@link RetentionJob} on its
 * schedule, so they go even when no batch arrives.
 */
public interface PendingExpiry {

    /** How long they are kept. */
    Duration retention();

    /** Deletes what has expired by {@code now}; returns the batches removed. */
    int expire(Instant now);
}
