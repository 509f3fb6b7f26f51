package io.modeltrust.ingest.deletion;

import io.modeltrust.ingest.config.IngestConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Publishes the control event of each accepted deletion. A DELETE tries at once; what Kafka did not
 * acknowledge then (broker away, ingest stopped in between) is retried every
 * ingest.control-republish-interval (a job of Quarkus's scheduler) until it is. Consumers are idempotent, so two replicas
 * publishing the same event twice do no harm.
 */
@ApplicationScoped
public class ControlOutbox {

    private static final Logger LOG = Logger.getLogger(ControlOutbox.class);
    private static final int ROUND = 100;

    private final Deletions deletions;
    private final ControlPublisher publisher;
    private final IngestConfig config;
    private final Scheduler scheduler;

    public ControlOutbox(Deletions deletions, ControlPublisher publisher, IngestConfig config, Scheduler scheduler) {
        this.deletions = deletions;
        this.publisher = publisher;
        this.config = config;
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent ev) {
        java.time.Duration every = config.controlRepublishInterval();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        scheduler.newJob("control-outbox").setInterval(every.toString()).setDelayed(every.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> runQuietly()).schedule();
    }

    /** Publishes one deletion's event; true when Kafka acknowledged it and the row says so. */
    public boolean publish(Deletion deletion) {
        if (!publisher.publish(deletion.event())) {
            LOG.warnf("control event %s (%s of %s) not acknowledged by Kafka yet; retrying every %s",
                    deletion.eventId(), deletion.kind(), deletion.modelId(), config.controlRepublishInterval());
            return false;
        }
        deletions.markPublished(deletion.eventId());
        return true;
    }

    /**
     * Publishes the control event of a deletion just accepted (or repeated while still unpublished) and
     * answers the deletion as it now stands.
     */
    public Deletion publishAccepted(Deletions.Outcome outcome) {
        Deletion deletion = outcome.deletion();
        if (deletion.publishedAt() == null && publish(deletion)) {
            deletion = deletions.find(deletion.eventId()).orElse(deletion);
        }
        return deletion;
    }

    /** One round over the unpublished deletions; returns how many were published. */
    public int runOnce() {
        int published = 0;
        for (Deletion d : deletions.unpublished(ROUND, Instant.now().minus(config.controlRepublishInterval()))) {
            if (!publish(d)) {
                break; // Kafka is still away: the rest would wait as long
            }
            published++;
        }
        return published;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf(e, "republishing control events failed: %s", e.getMessage());
        }
    }
}
