package io.modeltrust.fairness;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modeltrust.fairness.FairnessComputation.Computed;
import io.modeltrust.fairness.FairnessComputation.Meta;
import io.modeltrust.fairness.config.FairnessServiceConfig;
import io.modeltrust.fairness.labels.LabelSet;
import io.modeltrust.fairness.labels.PendingPredictions;
import io.modeltrust.service.messaging.ResultPublisher;
import io.modeltrust.fairness.metrics.FairnessReport;
import io.modeltrust.fairness.store.BaselineStore;
import io.modeltrust.fairness.store.PendingEntity;
import io.modeltrust.fairness.store.PendingStore;
import io.modeltrust.fairness.store.ResultStore;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchPipeline;
import io.modeltrust.model.event.FairnessResult;
import io.modeltrust.model.spec.ModelSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What the fairness service does with each complete batch:
 * <ul>
 *   <li>reference: computes the baseline (the fairness figures of the reference data) and stores it
 *       per model and reference version;</li>
 *   <li>production: computes the figures against that baseline, publishes revision 1 and stores it
 *       with the batch's packed predictions, which wait for delayed labels;</li>
 *   <li>labels: joins the labels by id hash to every waiting batch of the model and publishes the
 *       next revision of each batch whose label state changed.</li>
 * </ul>
 * Binary and multiclass models are assessed alike on the favourable class
 * ({@link FairnessInputs#favorableClass}); a multiclass batch also keeps each row's predicted
 * class and correctness so that delayed and corrected labels recompute its multiclass accuracy.
 * Regression models and models without sensitive attributes get no fairness result (nothing is
 * published or stored for them).
 *
 * <p>Idempotent, because batches can be redelivered: a stored (model, batch, revision) is done, a
 * labels batch is remembered once processed, and event ids are derived from (model, batch,
 * revision), so a result published twice (crash between publish and store) is recognised downstream.
 */
@ApplicationScoped
public class FairnessBatchHandler implements BatchPipeline.Handler {

    private static final Logger LOG = Logger.getLogger(FairnessBatchHandler.class);
    private static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

    private final BaselineStore baselines;
    private final ResultStore results;
    private final PendingStore pending;
    private final ResultPublisher publisher;
    private final MeterRegistry meters;
    private final Duration retention;
    private final Timer computeTime;
    private volatile Instant lastExpiry = Instant.EPOCH;

    public FairnessBatchHandler(BaselineStore baselines, ResultStore results, PendingStore pending,
                                ResultPublisher publisher, MeterRegistry meters, FairnessServiceConfig config) {
        this.baselines = baselines;
        this.results = results;
        this.pending = pending;
        this.publisher = publisher;
        this.meters = meters;
        this.retention = config.predictionRetention();
        this.computeTime = Timer.builder("fairness.compute.time").publishPercentileHistogram()
                .description("Time to compute the fairness figures of a batch (all attributes and intersections)")
                .register(meters);
    }

    @Override
    public void handle(AssembledBatch batch) {
        MDC.put("modelId", batch.modelId());
        MDC.put("batchId", batch.batchId());
        try {
            switch (batch.kind()) {
                case REFERENCE -> reference(batch);
                case PRODUCTION -> production(batch);
                case LABELS -> labels(batch);
            }
            expireOccasionally();
        } finally {
            MDC.remove("modelId");
            MDC.remove("batchId");
        }
    }

    private void reference(AssembledBatch batch) {
        ModelSpec spec = batch.header().model();
        if (!FairnessInputs.applies(spec)) {
            return;
        }
        int version = batch.header().referenceVersion();
        long started = System.nanoTime();
        FairnessReport report = FairnessComputation.baseline(FairnessInputs.of(batch), spec);
        long elapsed = System.nanoTime() - started;
        baselines.save(batch.modelId(), version, batch.rows(), report);
        count(BatchKind.REFERENCE, batch.rows());
        LOG.infof("fairness baseline of %s reference v%d (%d rows, %d attributes) in %.1f ms", batch.modelId(), version,
                batch.rows(), report.attributes().size(), elapsed / 1e6);
    }

    private void production(AssembledBatch batch) {
        ModelSpec spec = batch.header().model();
        if (!FairnessInputs.applies(spec)) {
            meters.counter("fairness.batches.skipped").increment();
            LOG.debugf("no fairness for %s batch %s: %s", batch.modelId(), batch.batchId(),
                    spec == null ? "no model spec" : "regression or no sensitive attribute");
            return;
        }
        if (results.exists(batch.modelId(), batch.batchId(), 1)) {
            meters.counter("fairness.batches.redelivered").increment();
            return;
        }
        int version = batch.header().referenceVersion();
        FairnessReport baseline = baselines.load(batch.modelId(), version).orElse(null);
        if (baseline == null) {
            LOG.warnf("no fairness baseline for reference v%d of %s: the result carries no change since the reference",
                    version, batch.modelId());
        }
        String eventId = eventId(batch.modelId(), batch.batchId(), 1);
        Instant computedAt = Instant.now();
        long started = System.nanoTime();
        FairnessInputs inputs = FairnessInputs.of(batch);
        Computed computed = FairnessComputation.compute(inputs, spec, baseline,
                new Meta(eventId, batch.modelId(), batch.batchId(), version, 1, computedAt, batch.header().at()));
        long computeNanos = System.nanoTime() - started;
        computeTime.record(computeNanos, TimeUnit.NANOSECONDS);
        PendingEntity waiting = null;
        long packNanos = 0;
        if (FairnessInputs.joinable(spec) && inputs.idHashes() != null) {
            long packStarted = System.nanoTime();
            waiting = pendingEntity(batch, spec, inputs, computedAt);
            packNanos = System.nanoTime() - packStarted;
        }
        FairnessResult result = computed.result();
        String json = Json.toString(result);
        publisher.publishJson(batch.modelId(), json);
        results.saveFirst(new ResultStore.Row(batch.modelId(), batch.batchId(), 1, eventId, json, computedAt), waiting);
        count(BatchKind.PRODUCTION, batch.rows());
        LOG.infof("fairness of %s batch %s (%d rows, %d attributes) computed in %.1f ms (packing for labels %.1f ms): %s",
                batch.modelId(), batch.batchId(), batch.rows(), result.attributes().size(), computeNanos / 1e6,
                packNanos / 1e6, result.explanation());
    }

    private PendingEntity pendingEntity(AssembledBatch batch, ModelSpec spec, FairnessInputs inputs, Instant now) {
        PendingPredictions packed = PendingPredictions.pack(inputs);
        PendingEntity e = new PendingEntity();
        e.modelId = batch.modelId();
        e.batchId = batch.batchId();
        e.referenceVersion = batch.header().referenceVersion();
        e.batchAt = batch.header().at();
        e.rowCount = packed.rows();
        e.labeledRows = inputs.labeledRows();
        e.revision = 1;
        e.specJson = Json.toString(spec);
        e.attributesJson = packed.attributesJson();
        e.idHashes = packed.idHashes();
        e.groupCodes = packed.groupCodes();
        e.predictions = packed.predictions();
        e.labels = packed.labels();
        e.predictedClasses = packed.predictedClasses();
        e.correct = packed.correct();
        e.createdAt = now;
        e.updatedAt = now;
        Instant from = batch.header().receivedAt() != null ? batch.header().receivedAt() : now;
        e.expiresAt = from.plus(retention);
        return e;
    }

    private void labels(AssembledBatch batch) {
        String modelId = batch.modelId();
        if (pending.labelsProcessed(modelId, batch.batchId())) {
            meters.counter("fairness.batches.redelivered").increment();
            return;
        }
        LabelSet labels = LabelSet.of(batch);
        long matched = 0;
        int revised = 0;
        for (String batchId : pending.batchIds(modelId, Instant.now())) {
            PendingStore.LabelView view = pending.labelView(modelId, batchId).orElse(null);
            if (view == null) {
                continue;
            }
            ModelSpec spec = Json.fromString(view.specJson(), ModelSpec.class);
            long[] ids = PendingPredictions.hashes(view.idHashes());
            byte[] state = view.labels();
            byte[] correct = view.correct();
            LabelSet.Applied applied = apply(labels, view, spec, ids, state, correct);
            matched += applied.matchedRows();
            if (applied.changedRows() == 0) {
                continue;
            }
            revise(modelId, view, spec, ids, state, correct, applied);
            revised++;
        }
        pending.markLabelsProcessed(modelId, batch.batchId(), batch.rows(), matched, revised);
        count(BatchKind.LABELS, batch.rows());
        meters.counter("fairness.labels.matched").increment(matched);
        LOG.infof("labels batch %s of %s: %d labels, %d prediction rows matched, %d batches revised", batch.batchId(),
                modelId, labels.size(), matched, revised);
    }

    /** Joins the labels to one waiting batch, updating {@code state} (and, multiclass, {@code correct}) in place. */
    private static LabelSet.Applied apply(LabelSet labels, PendingStore.LabelView view, ModelSpec spec, long[] ids,
                                          byte[] state, byte[] correct) {
        String favorable = FairnessInputs.favorableClass(spec);
        if (correct == null) {
            return labels.applyTo(ids, state, favorable);
        }
        int[] predictedClasses = PendingPredictions.predictedClasses(view.predictedClasses(), view.rows());
        return labels.applyTo(ids, state, correct, predictedClasses, spec.classesOrEmpty(), favorable);
    }

    /** Recomputes a waiting batch with its new label state and publishes the next revision. */
    private void revise(String modelId, PendingStore.LabelView view, ModelSpec spec, long[] ids, byte[] state,
                        byte[] correct, LabelSet.Applied applied) {
        int revision = view.revision() + 1;
        PendingStore.Groups groups = pending.groups(modelId, view.batchId());
        FairnessInputs inputs = PendingPredictions.unpack(view.rows(), view.idHashes(), groups.groupCodes(),
                groups.predictions(), state, groups.attributesJson(), view.predictedClasses(), correct);
        FairnessReport baseline = baselines.load(modelId, view.referenceVersion()).orElse(null);
        String eventId = eventId(modelId, view.batchId(), revision);
        Instant computedAt = Instant.now();
        long started = System.nanoTime();
        Computed computed = FairnessComputation.compute(inputs, spec, baseline,
                new Meta(eventId, modelId, view.batchId(), view.referenceVersion(), revision, computedAt, view.batchAt()));
        long computeNanos = System.nanoTime() - started;
        computeTime.record(computeNanos, TimeUnit.NANOSECONDS);
        String json = Json.toString(computed.result());
        publisher.publishJson(modelId, json);
        results.saveRevision(new ResultStore.Row(modelId, view.batchId(), revision, eventId, json, computedAt), state,
                correct, applied.labeledRows());
        meters.counter("fairness.revisions").increment();
        LOG.infof("fairness of %s batch %s revision %d: %d of %d rows labelled (%d changed), computed in %.1f ms",
                modelId, view.batchId(), revision, applied.labeledRows(), view.rows(), applied.changedRows(),
                computeNanos / 1e6);
    }

    private void count(BatchKind kind, long rows) {
        meters.counter("fairness.batches", "kind", kind.wire()).increment();
        meters.counter("fairness.rows", "kind", kind.wire()).increment(rows);
    }

    private void expireOccasionally() {
        Instant now = Instant.now();
        if (Duration.between(lastExpiry, now).compareTo(EXPIRY_INTERVAL) < 0) {
            return;
        }
        lastExpiry = now;
        int removed = pending.expire(now, retention);
        if (removed > 0) {
            LOG.infof("forgot the predictions of %d batches past their label retention of %s", removed, retention);
        }
    }

    public static String eventId(String modelId, String batchId, int revision) {
        return UUID.nameUUIDFromBytes(("fairness:" + modelId + ":" + batchId + ":" + revision)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
