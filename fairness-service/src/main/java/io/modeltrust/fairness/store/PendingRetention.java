package io.modeltrust.fairness.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.fairness.config.FairnessServiceConfig;
import io.modeltrust.service.retention.PendingExpiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Forgets the predictions and group codes past their expiry on the retention job's schedule, as the
 * batch handler does now and then: they go even when no batch arrives.
 */
@ApplicationScoped
public class PendingRetention implements PendingExpiry {

    private static final Logger LOG = Logger.getLogger(PendingRetention.class);

    private final PendingStore pending;
    private final FairnessServiceConfig config;
    private final MeterRegistry meters;

    public PendingRetention(PendingStore pending, FairnessServiceConfig config, MeterRegistry meters) {
        this.pending = pending;
        this.config = config;
        this.meters = meters;
    }

    @Override
    public Duration retention() {
        return config.predictionRetention();
    }

    @Override
    public int expire(Instant now) {
        int removed = pending.expire(now, config.predictionRetention());
        if (removed > 0) {
            meters.counter("fairness.predictions.expired").increment(removed);
            LOG.infof("forgot the predictions of %d batches past their label retention of %s", removed,
                    config.predictionRetention());
        }
        return removed;
    }
}
