package io.modeltrust.alert.retention;

import io.modeltrust.alert.config.HistoryConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs {@link HistoryPruner} every history.prune-interval as a job of Quarkus's scheduler, the first round soon
 * after start. Scheduled at start-up rather than with {@code @Scheduled}, because 0 turns the job off and
 * retention off needs no job. Replicas may prune at once: each deletes a chunk at a time, and what one deleted
 * the other finds gone.
 */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class);
    /** A replica that restarts more often than the interval still prunes. */
    private static final Duration FIRST_ROUND = Duration.ofMinutes(1);

    @Inject
    HistoryConfig config;
    @Inject
    HistoryPruner pruner;
    @Inject
    Scheduler scheduler;

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
        Duration first = every.compareTo(FIRST_ROUND) < 0 ? every : FIRST_ROUND;
        scheduler.newJob("history-retention").setInterval(every.toString()).setDelayed(first.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> runOnce()).schedule();
        LOG.infof("history retention: keeping %s, pruning every %s", config.retention().orElseThrow(), every);
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
