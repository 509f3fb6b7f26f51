package io.modeltrust.performance.pending;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.performance.config.PerformanceServiceConfig;
import io.modeltrust.service.retention.PendingExpiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes predictions stored longer ago than performance.prediction-retention on the retention job's
 * schedule, as a labels batch does before it joins: they go even when labels never come.
 */
@ApplicationScoped
public class PendingRetention implements PendingExpiry {

    private static final Logger LOG = Logger.getLogger(PendingRetention.class);

    private final PendingStore pending;
    private final PerformanceServiceConfig config;
    private final MeterRegistry meters;

    public PendingRetention(PendingStore pending, PerformanceServiceConfig config, MeterRegistry meters) {
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
        int pruned = pending.prune(now.minus(config.predictionRetention()));
        if (pruned > 0) {
            meters.counter("performance.predictions.expired").increment(pruned);
            LOG.infof("deleted %d stored batches older than %s", pruned, config.predictionRetention());
        }
        return pruned;
    }
}
