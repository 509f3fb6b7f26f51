package io.modeltrust.alert.retention;

import io.modeltrust.alert.config.HistoryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Runs {@link HistoryPruner} every history.prune-interval on a thread of its own, the first round soon after start. */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class);
    /** A replica that restarts more often than the interval still prunes. */
    private static final Duration FIRST_ROUND = Duration.ofMinutes(1);

    @Inject
    HistoryConfig config;
    @Inject
    HistoryPruner pruner;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent ev) {
        Duration every = config.pruneInterval();
        if (Cutoff.of(config.retention(), Instant.now()).isEmpty()) {
            LOG.info("history retention is off (history.retention empty or 0): the history is kept for ever");
            return;
        }
        if (every.isZero() || every.isNegative()) {
            LOG.info("history retention job not scheduled (history.prune-interval is 0)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "history-retention");
            t.setDaemon(true);
            return t;
        });
        long first = Math.min(every.toMillis(), FIRST_ROUND.toMillis());
        executor.scheduleWithFixedDelay(this::runOnce, first, every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("history retention: keeping %s, pruning every %s", config.retention().orElseThrow(), every);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One round with the configured retention; a failure is logged and the next round tries again. */
    public HistoryPruner.Pruned runOnce() {
        Optional<Instant> cutoff = Cutoff.of(config.retention(), Instant.now());
        if (cutoff.isEmpty()) {
            return HistoryPruner.Pruned.NONE;
        }
        try {
            return pruner.prune(cutoff.get(), config.pruneChunk());
        } catch (RuntimeException e) {
            LOG.warnf(e, "history retention round failed, retrying in %s: %s", config.pruneInterval(), e.getMessage());
            return HistoryPruner.Pruned.NONE;
        }
    }
}
