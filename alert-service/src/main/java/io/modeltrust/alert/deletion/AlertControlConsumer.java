package io.modeltrust.alert.deletion;

import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.config.Channels;
import io.modeltrust.security.DurableRetry;
import io.modeltrust.model.event.ControlEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads monitoring.control and deletes alert-service's rows of a deleted model or batch: results, history,
 * series, alerts, rules, notifications. A record is acknowledged only after the purge committed; while
 * the database is away it is retried, never skipped.
 */
@ApplicationScoped
public class AlertControlConsumer {

    private static final Logger LOG = Logger.getLogger(AlertControlConsumer.class);

    private final AlertDeletions deletions;
    private final AlertConfig config;
    private volatile boolean stopping;

    public AlertControlConsumer(AlertDeletions deletions, AlertConfig config) {
        this.deletions = deletions;
        this.config = config;
    }

    /** Purges what a deletion marked before the service stopped without finishing it. */
    void start(@Observes StartupEvent event) {
        try {
            for (ControlEvent marked : deletions.unpurged()) {
                apply(marked);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "unfinished deletions not purged at startup (the control topic redelivers them): %s",
                    e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming(Channels.CONTROL_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        ControlEvent event;
        try {
            event = ControlEvent.fromJson(message.getPayload());
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping a control record that is no control event: %s", e.getMessage());
            return message.ack();
        }
        DurableRetry.Result result = DurableRetry.run(() -> handle(event), config.databaseRetryMaxBackoff(),
                () -> stopping, e -> LOG.warnf("control event %s waits for the database: %s", event.eventId(),
                        e.getMessage()));
        return switch (result.outcome()) {
            case DONE -> message.ack();
            // Left unacknowledged, never dead-lettered: the partition's next owner, or this service after its
            // restart, reads the deletion again.
            case STOPPING -> new CompletableFuture<>();
            case POISON -> {
                LOG.errorf(result.failure(), "control event %s (%s of %s) failed, dead-lettering it: %s", event.eventId(),
                        event.kind().wire(), event.modelId(), result.failure().getMessage());
                yield message.nack(result.failure());
            }
        };
    }

    /** Marks and purges one event, without Kafka. */
    public void handle(ControlEvent event) {
        deletions.mark(event);
        apply(event);
    }

    private void apply(ControlEvent event) {
        long rows = deletions.purge(event);
        if (rows >= 0) {
            LOG.infof("%s %s%s by %s: %d rows deleted", event.kind().wire(), event.modelId(),
                    event.batchId() == null ? "" : "/" + event.batchId(), event.actor(), rows);
        }
    }
}
