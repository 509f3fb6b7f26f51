package io.modeltrust.service.deletion;

import io.modeltrust.model.event.ControlEvent;
import io.modeltrust.service.config.PipelineConfig;
import io.modeltrust.service.messaging.Channels;
import io.modeltrust.security.DurableRetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads monitoring.control and deletes what the service holds of a deleted model or batch. A record is
 * acknowledged (its offset may be committed) only after the purge committed; while the database is away
 * it is retried, never skipped. The purge waits for a batch of the model being handled in any replica
 * (Tombstones#handleLocked), so no batch half-way through writes rows of the model after they were deleted.
 */
@ApplicationScoped
public class ControlConsumer {

    private static final Logger LOG = Logger.getLogger(ControlConsumer.class);

    private final Tombstones tombstones;
    private final PipelineConfig config;
    private volatile boolean stopping;

    public ControlConsumer(Tombstones tombstones, PipelineConfig config) {
        this.tombstones = tombstones;
        this.config = config;
    }

    /** Purges what a deletion marked before the service stopped without finishing it. */
    void start(@Observes StartupEvent event) {
        try {
            for (ControlEvent marked : tombstones.unpurged()) {
                apply(marked, false);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "unfinished deletions not purged at startup (the control topic redelivers them): %s",
                    e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming(Channels.CONTROL)
    @Blocking
    @ActivateRequestContext
    public CompletionStage<Void> consume(Message<String> message) {
        ControlEvent event;
        try {
            event = ControlEvent.fromJson(message.getPayload());
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping a control record that is no control event: %s", e.getMessage());
            return message.ack();
        }
        DurableRetry.Result result = DurableRetry.run(() -> handle(event), config.maxRetryBackoff(), () -> stopping,
                e -> LOG.warnf("control event %s waits for the database: %s", event.eventId(), e.getMessage()));
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

    /** Marks, purges and evicts; what the consumer does with one event, without Kafka. */
    public void handle(ControlEvent event) {
        boolean fresh = tombstones.mark(event);
        apply(event, fresh);
    }

    private void apply(ControlEvent event, boolean fresh) {
        int rows = tombstones.purge(event);
        tombstones.evict(event);
        if (rows >= 0) {
            LOG.infof("%s %s%s by %s: %d rows deleted", event.kind().wire(), event.modelId(),
                    event.batchId() == null ? "" : "/" + event.batchId(), event.actor(), rows);
        } else if (fresh) {
            LOG.warnf("control event %s was marked but already purged", event.eventId());
        }
    }
}
