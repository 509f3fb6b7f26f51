package io.modeltrust.ingest.deletion;

import io.modeltrust.ingest.config.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Publishes the control event of each accepted deletion. A DELETE tries at once; what Kafka did not
 * acknowledge then (broker away, ingest stopped in between) is retried every
 * ingest.control-republish-interval until it is. Consumers are idempotent, so two replicas
 * publishing the same event twice do no harm.
 */
@ApplicationScoped
public class ControlOutbox {

    private static final Logger LOG = Logger.getLogger(ControlOutbox.class);
    private static final int ROUND = 100;

    private final Deletions deletions;
    private final ControlPublisher publisher;
    private final IngestConfig config;
    private ScheduledExecutorService executor;

    public ControlOutbox(Deletions deletions, ControlPublisher publisher, IngestConfig config) {
        this.deletions = deletions;
        this.publisher = publisher;
        this.config = config;
    }

    void start(@Observes StartupEvent ev) {
        long every = config.controlRepublishInterval().toMillis();
        if (every <= 0) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "control-outbox");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (executor != null) {
            executor.shutdownNow();
        }
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
        for (Deletion d : deletions.unpublished(ROUND)) {
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
