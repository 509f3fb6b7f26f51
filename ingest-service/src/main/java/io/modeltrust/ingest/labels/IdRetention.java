package io.modeltrust.ingest.labels;

import io.modeltrust.ingest.config.IngestConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes the hashed ids of production batches older than ingest.id-retention every
 * ingest.id-expiry-interval (a job of Quarkus's scheduler; 0 schedules none): a labels upload also does, but ids
 * must go even when labels never come.
 */
@ApplicationScoped
public class IdRetention {

    private static final Logger LOG = Logger.getLogger(IdRetention.class);
    /** A replica that restarts more often than the interval still expires ids. */
    private static final Duration FIRST_ROUND = Duration.ofMinutes(1);

    private final IdIndex ids;
    private final IngestConfig config;
    private final Scheduler scheduler;

    public IdRetention(IdIndex ids, IngestConfig config, Scheduler scheduler) {
        this.ids = ids;
        this.config = config;
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent ev) {
        Duration every = config.idExpiryInterval();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        Duration first = every.compareTo(FIRST_ROUND) < 0 ? every : FIRST_ROUND;
        scheduler.newJob("id-retention").setInterval(every.toString()).setDelayed(first.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> runQuietly()).schedule();
    }

    /** One round as of {@code now}; returns the batches whose ids were forgotten. */
    public int runOnce(Instant now) {
        int n = ids.expire(now.minus(config.idRetention()));
        if (n > 0) {
            LOG.infof("forgot the ids of %d production batches older than %s", n, config.idRetention());
        }
        return n;
    }

    private void runQuietly() {
        try {
            runOnce(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(e, "id expiry failed, retrying in %s: %s", config.idExpiryInterval(), e.getMessage());
        }
    }
}
