package io.modeltrust.ingest.labels;

import io.modeltrust.ingest.config.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Deletes the hashed ids of production batches older than ingest.id-retention every
 * ingest.id-expiry-interval: a labels upload also does, but ids must go even when labels never come.
 */
@ApplicationScoped
public class IdRetention {

    private static final Logger LOG = Logger.getLogger(IdRetention.class);
    /** A replica that restarts more often than the interval still expires ids. */
    private static final Duration FIRST_ROUND = Duration.ofMinutes(1);

    private final IdIndex ids;
    private final IngestConfig config;
    private ScheduledExecutorService executor;

    public IdRetention(IdIndex ids, IngestConfig config) {
        this.ids = ids;
        this.config = config;
    }

    void start(@Observes StartupEvent ev) {
        Duration every = config.idExpiryInterval();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "id-retention");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runQuietly, Math.min(every.toMillis(), FIRST_ROUND.toMillis()),
                every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (executor != null) {
            executor.shutdownNow();
        }
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
