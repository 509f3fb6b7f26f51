package io.modeltrust.drift;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modeltrust.service.messaging.ResultPublisher;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.profile.ReferenceStore;
import io.modeltrust.drift.profile.ResultStore;
import io.modeltrust.drift.config.DriftServiceConfig;
import io.modeltrust.drift.window.PooledWindow;
import io.modeltrust.drift.window.ReferenceWindowStore;
import io.modeltrust.drift.window.WindowBatch;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchPipeline;
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.spec.DriftSettings.ReferenceWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What the drift service does with each complete batch: profile a reference, compare a production
 * batch with its reference and publish the result. Idempotent, because batches can be redelivered:
 * a stored result means the batch is done, and the event id is derived from the batch, so even a
 * result published twice (crash between publish and store) is recognised downstream. A model on a
 * moving reference (drift.reference previous or both) has the batch compared with the kept batches
 * before it, then kept itself, before the result is published: a redelivery after a crash sees the
 * same window, as the batches before it are selected and one more than the window is kept.
 */
@ApplicationScoped
public class DriftBatchHandler implements BatchPipeline.Handler {

    private static final Logger LOG = Logger.getLogger(DriftBatchHandler.class);

    private final ReferenceStore references;
    private final ResultStore results;
    private final ReferenceWindowStore window;
    private final int windowRows;
    private final ResultPublisher publisher;
    private final MeterRegistry meters;
    private final Timer computeTime;

    public DriftBatchHandler(ReferenceStore references, ResultStore results, ReferenceWindowStore window,
                             DriftServiceConfig config, ResultPublisher publisher, MeterRegistry meters) {
        this.references = references;
        this.results = results;
        this.window = window;
        this.windowRows = config.windowRowsPerBatch();
        this.publisher = publisher;
        this.meters = meters;
        this.computeTime = Timer.builder("drift.compute.time").publishPercentileHistogram()
                .description("Time to compute all drift statistics of a batch").register(meters);
    }

    @Override
    public void handle(AssembledBatch batch) {
        MDC.put("modelId", batch.modelId());
        MDC.put("batchId", batch.batchId());
        try {
            if (batch.kind() == BatchKind.REFERENCE) {
                references.save(ReferenceProfiles.of(batch));
                LOG.infof("profiled reference v%d of %s (%d rows)", batch.header().referenceVersion(), batch.modelId(),
                        batch.rows());
            } else if (batch.kind() == BatchKind.PRODUCTION) {
                analyse(batch);
            }
        } finally {
            MDC.remove("modelId");
            MDC.remove("batchId");
        }
    }

    private void analyse(AssembledBatch batch) {
        if (results.exists(batch.modelId(), batch.batchId())) {
            meters.counter("drift.batches.redelivered").increment();
            return;
        }
        int version = batch.header().referenceVersion();
        ReferenceProfiles reference = references.load(batch.modelId(), version).orElseThrow(() ->
                new IllegalStateException("reference version " + version + " of model " + batch.modelId()
                        + " was never received"));
        String eventId = eventId(batch.modelId(), batch.batchId(), 1);
        Instant computedAt = Instant.now();
        ReferenceWindow asked = batch.header().model().driftOrDefaults().reference();
        int n = asked.batchesOrOne();
        PooledWindow previous = asked.usesWindow()
                ? PooledWindow.pool(window.before(batch.modelId(), WindowBatch.atOf(batch), batch.batchId(), n)) : null;
        long started = System.nanoTime();
        DriftResult result = DriftComputation.compute(batch, reference, previous, eventId, computedAt);
        computeTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (asked.usesWindow()) {
            // kept before the result is published: a crash in between redelivers a batch that sees the same window
            window.append(batch.modelId(), WindowBatch.of(batch, WindowBatch.rowsKept(windowRows, n)), n + 1);
        }
        publisher.publish(batch.modelId(), result);
        results.save(batch.modelId(), batch.batchId(), 1, eventId, Json.toString(result), computedAt);
        meters.counter("drift.batches").increment();
        meters.counter("drift.rows").increment(batch.rows());
        meters.counter("drift.features.drifted").increment(result.driftedFeatures());
        LOG.infof("drift of %s batch %s: %s", batch.modelId(), batch.batchId(), result.explanation());
    }

    static String eventId(String modelId, String batchId, int revision) {
        return UUID.nameUUIDFromBytes(("drift:" + modelId + ":" + batchId + ":" + revision)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
