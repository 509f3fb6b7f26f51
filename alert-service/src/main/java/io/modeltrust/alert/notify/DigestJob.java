package io.modeltrust.alert.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.history.ReportLinks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Every 30 s, queues the digests of the hours that have ended ({@link Digests}) and wakes the delivery
 * worker to send them. An hour's digest is made a minute after the hour ends: a replica whose clock is a
 * little behind may still be holding notifications for it until then.
 */
@ApplicationScoped
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class);
    static final Duration GRACE = Duration.ofMinutes(1);
    private static final int GROUPS_PER_ROUND = 100;

    private final DataSource dataSource;
    private final DeliveryWorker worker;
    private final MeterRegistry registry;
    private final DigestText text;

    public DigestJob(DataSource dataSource, DeliveryWorker worker, MeterRegistry registry, ReportLinks links) {
        this.dataSource = dataSource;
        this.worker = worker;
        this.registry = registry;
        this.text = new DigestText(links::modelPage);
    }

    @Scheduled(identity = "notification-digests", every = "30s", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runOnce(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("notification digests: %s; retrying in 30 s", e.getMessage());
        }
    }

    /** One round as of {@code now}: the digests queued (none when another replica is making them). */
    public List<Digests.Made> runOnce(Instant now) {
        List<Digests.Made> made = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return Digests.run(c, now, GRACE, GROUPS_PER_ROUND, text);
            }
        }));
        if (!made.isEmpty()) {
            for (Digests.Made m : made) {
                LOG.infof("notification digest %d for channel %s, model %s: %d notification(s) held in the hour from %s",
                        m.deliveryId(), m.channelId(), m.modelId(), m.items(), m.windowStart());
            }
            registry.counter("alert.notifications", "outcome", "digest").increment(made.size());
            worker.wake();
        }
        return made;
    }
}
