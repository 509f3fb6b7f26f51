package io.modeltrust.service.retention;

import io.modeltrust.service.config.PipelineConfig;
import io.modeltrust.service.messaging.BatchConsumer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every pipeline.prune-interval, as a job of Quarkus's scheduler (0 schedules none): expires the predictions awaiting labels
 * (each {@link PendingExpiry} bean, while no batch is being handled) and prunes old results.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    /** A replica that restarts more often than the interval still prunes. */
    private static final Duration FIRST_ROUND = Duration.ofMinutes(1);

    /** What a round did; {@code resultsDeleted} is -1 when another replica held the lock. */
    public record Round(int pendingExpired, long resultsDeleted) {
    }

    private final PipelineConfig config;
    private final ResultsPruner pruner;
    private final BatchConsumer consumer;
    private final List<PendingExpiry> pending;
    private final Scheduler scheduler;

    public RetentionJob(PipelineConfig config, ResultsPruner pruner, BatchConsumer consumer, Instance<PendingExpiry> pending,
                        Scheduler scheduler) {
        this.config = config;
        this.pruner = pruner;
        this.consumer = consumer;
        this.pending = pending.stream().toList();
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent ev) {
        Duration every = config.pruneInterval();
        Optional<Duration> retention = effectiveRetention();
        if (every.isZero() || every.isNegative()) {
            LOG.info("retention job not scheduled (pipeline.prune-interval is 0)");
            return;
        }
        if (retention.isEmpty() && pending.isEmpty()) {
            LOG.info("results retention is off (pipeline.results-retention empty or 0): results are kept for ever");
            return;
        }
        Duration first = every.compareTo(FIRST_ROUND) < 0 ? every : FIRST_ROUND;
        scheduler.newJob("retention").setInterval(every.toString()).setDelayed(first.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> runQuietly()).schedule();
        LOG.infof("retention: results kept %s, pruned every %s", retention.map(Duration::toString).orElse("for ever"), every);
    }

    /** The results retention in force: see {@link RetentionPolicy#effective}. */
    public Optional<Duration> effectiveRetention() {
        return RetentionPolicy.effective(config.resultsRetention(), pending.stream().map(PendingExpiry::retention).toList());
    }

    /** One round as of {@code now}. */
    public Round runOnce(Instant now) {
        int expired = 0;
        for (PendingExpiry p : pending) {
            expired += consumer.whileNoBatchIsHandled(() -> p.expire(now));
        }
        Optional<Instant> cutoff = RetentionPolicy.cutoff(effectiveRetention(), now);
        long deleted = cutoff.isPresent() ? pruner.prune(cutoff.get(), config.pruneChunk()) : 0;
        if (deleted > 0) {
            LOG.infof("retention: deleted %d result rows of batches computed before %s", deleted, cutoff.get());
        }
        return new Round(expired, deleted);
    }

    private void runQuietly() {
        try {
            runOnce(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(e, "retention round failed, retrying in %s: %s", config.pruneInterval(), e.getMessage());
        }
    }
}
