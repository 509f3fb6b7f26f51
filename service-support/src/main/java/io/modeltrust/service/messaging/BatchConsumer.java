package io.modeltrust.service.messaging;

import io.modeltrust.model.batch.BatchPipeline;
import io.modeltrust.service.config.PipelineConfig;
import io.modeltrust.service.deletion.Tombstones;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads monitoring.batches. Records are held, not acknowledged, until their batch's result is
 * published and stored, so the throttled commit strategy never commits past unfinished work; a nack
 * sends the record to monitoring.dlq with the reason in its headers. What a batch means is the
 * service's {@link BatchPipeline.Handler}, its one bean of that type.
 */
@ApplicationScoped
public class BatchConsumer {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private final BatchPipeline<Message<byte[]>> pipeline;

    public BatchConsumer(BatchPipeline.Handler handler, Tombstones tombstones, PipelineConfig config) {
        this.pipeline = new BatchPipeline<>(new BatchPipeline.Settler<>() {
            @Override
            public void ack(Message<byte[]> message) {
                message.ack();
            }

            @Override
            public void nack(Message<byte[]> message, Throwable reason) {
                LOG.warnf(reason, "dead-lettering a batch record: %s", reason.getMessage());
                message.nack(reason);
            }
        }, dropDeleted(handler, tombstones), io.modeltrust.security.Failures::isTransient, config.batchIdleTimeout(), config.maxRetryBackoff(), Clock.systemUTC());
    }

    /**
     * Drops, without a result, a batch whose model or the batch itself was deleted before it was handled;
     * handles the others under their model's lock, so a deletion waits for them (Tombstones#handleLocked).
     */
    static BatchPipeline.Handler dropDeleted(BatchPipeline.Handler handler, Tombstones tombstones) {
        return batch -> tombstones.handleLocked(batch, b -> {
            var reason = tombstones.dropReason(b.header());
            if (reason.isPresent()) {
                LOG.infof("dropping %s batch %s of model %s: %s", b.header().kind().wire(), b.header().batchId(),
                        b.header().modelId(), reason.get());
                return;
            }
            handler.handle(b);
        });
    }

    /**
     * Runs before the database session factory and the Kafka clients close: a batch the shutdown
     * interrupts is left unacknowledged (not dead-lettered), and the partition's next owner redoes it.
     */
    void stop(@Observes ShutdownEvent event) {
        pipeline.stop();
    }

    @Incoming(Channels.BATCHES)
    @Blocking
    @ActivateRequestContext
    public CompletionStage<Void> consume(Message<byte[]> message) {
        pipeline.accept(message.getPayload(), message);
        return CompletableFuture.completedFuture(null);
    }

    public BatchPipeline<Message<byte[]>> pipeline() {
        return pipeline;
    }

    /**
     * Runs work while no batch is being handled, e.g. expiring stored predictions that a labels batch
     * might be reading: {@link BatchPipeline#accept} holds the pipeline's monitor while it hands a
     * batch to the handler.
     */
    public <T> T whileNoBatchIsHandled(java.util.function.Supplier<T> work) {
        synchronized (pipeline) {
            return work.get();
        }
    }
}
