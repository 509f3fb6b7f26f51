package io.modeltrust.performance;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchPipeline;
import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.performance.config.PerformanceServiceConfig;
import io.modeltrust.service.messaging.ResultPublisher;
import io.modeltrust.performance.pending.LabelBatchEntity;
import io.modeltrust.performance.pending.Ledger;
import io.modeltrust.performance.pending.PendingEntity;
import io.modeltrust.performance.pending.PendingStore;
import io.modeltrust.performance.profile.BaselineStore;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.profile.ResultStore;
import io.modeltrust.performance.rows.BatchColumns;
import io.modeltrust.performance.rows.EvaluationRows;
import io.modeltrust.performance.rows.LabelJoin;
import io.modeltrust.performance.rows.LabelsInput;
import io.modeltrust.performance.rows.RowCodec;
import io.modeltrust.model.spec.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What the performance service does with each complete batch:
 * <ul>
 * <li>reference: compute and store the baseline of that reference version;</li>
 * <li>production: publish revision 1 (realised metrics on the rows that came with labels, the
 * confidence-based estimate when there is a score) and keep the rows of a batch with ids until the
 * prediction retention ends, labelled or not;</li>
 * <li>labels: join them by id hash to every stored batch, and publish the next revision of each batch
 * whose labels changed: a row gained a label, or a later label replaced an earlier one with another
 * value (a correction, counted in {@code labelsCorrected}).</li>
 * </ul>
 * Idempotent, because batches can be redelivered: a stored revision 1 means a production batch is
 * done, a remembered labels batch id means a labels batch is done, and labels already applied change
 * nothing. Event ids are derived from (model, batch, revision), so a result published twice (crash
 * between publish and store) is recognised downstream.
 */
@ApplicationScoped
public class PerformanceBatchHandler implements BatchPipeline.Handler {

    private static final Logger LOG = Logger.getLogger(PerformanceBatchHandler.class);

    private final BaselineStore baselines;
    private final ResultStore results;
    private final PendingStore pending;
    private final Ledger ledger;
    private final ResultPublisher publisher;
    private final PerformanceServiceConfig config;
    private final MeterRegistry meters;
    private final Timer computeTime;
    private final DistributionSummary coverage;

    public PerformanceBatchHandler(BaselineStore baselines, ResultStore results, PendingStore pending, Ledger ledger,
                                   ResultPublisher publisher, PerformanceServiceConfig config, MeterRegistry meters) {
        this.baselines = baselines;
        this.results = results;
        this.pending = pending;
        this.ledger = ledger;
        this.publisher = publisher;
        this.config = config;
        this.meters = meters;
        this.computeTime = Timer.builder("performance.compute.time").publishPercentileHistogram()
                .description("Time to compute one performance result or baseline").register(meters);
        this.coverage = DistributionSummary.builder("performance.label.coverage").publishPercentileHistogram()
                .minimumExpectedValue(0.01).maximumExpectedValue(1.0)
                .description("Labelled rows / rows of each published result").register(meters);
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
        } finally {
            MDC.remove("modelId");
            MDC.remove("batchId");
        }
    }

    private void reference(AssembledBatch batch) {
        long started = System.nanoTime();
        ReferenceBaseline baseline = BaselineComputation.of(batch);
        computeTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        baselines.save(baseline);
        count(batch);
        LOG.infof("baseline of %s reference v%d: %d of %d rows labelled, %s", batch.modelId(),
                baseline.referenceVersion(), baseline.labeledRows(), baseline.rows(), baseline.metrics());
    }

    private void production(AssembledBatch batch) {
        if (results.exists(batch.modelId(), batch.batchId())) {
            meters.counter("performance.batches.redelivered", "kind", "production").increment();
            return;
        }
        int version = batch.header().referenceVersion();
        ReferenceBaseline baseline = baselines.load(batch.modelId(), version).orElseThrow(() ->
                new IllegalStateException("reference version " + version + " of model " + batch.modelId()
                        + " was never received"));
        BatchColumns.requireUsable(batch.header().model());
        baseline.requireSameMeaning(batch.header().model().task(), batch.header().model().classesOrEmpty(),
                "production batch " + batch.batchId());
        long started = System.nanoTime();
        EvaluationRows rows = BatchColumns.of(batch, baseline.schema());
        Instant computedAt = Instant.now();
        String eventId = eventId(batch.modelId(), batch.batchId(), 1);
        PerformanceResult result = PerformanceComputation.compute(rows, baseline,
                new PerformanceComputation.Revision(eventId, batch.modelId(), batch.batchId(), version, 1, computedAt,
                        batch.header().at(), null, null, null, null, null));
        // Kept even when every row came labelled: a later labels batch may correct those labels, as it
        // does in the fairness service.
        PendingEntity waiting = rows.idHashes() != null ? pendingOf(batch, rows, version, computedAt) : null;
        computeTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        publisher.publish(batch.modelId(), result);
        ledger.recordFirst(batch.modelId(), batch.batchId(), eventId, Json.toString(result), computedAt, waiting);
        published(result);
        count(batch);
        if (waiting != null) {
            meters.counter("performance.predictions.stored").increment(rows.rows());
        }
        LOG.infof("performance of %s batch %s rev 1%s: %s", batch.modelId(), batch.batchId(),
                waiting == null || result.labeledRows() == rows.rows() ? ""
                        : " (" + (rows.rows() - result.labeledRows()) + " rows wait for labels)",
                result.explanation());
    }

    private static PendingEntity pendingOf(AssembledBatch batch, EvaluationRows rows, int version, Instant now) {
        RowCodec.Packed packed = RowCodec.pack(rows);
        PendingEntity e = new PendingEntity();
        e.modelId = batch.modelId();
        e.batchId = batch.batchId();
        e.referenceVersion = version;
        e.task = batch.header().model().task().wire();
        e.rows = rows.rows();
        e.labeledRows = rows.labeledRows();
        e.sliceFeatures = (short) packed.sliceFeatures();
        e.batchAt = batch.header().at() != null ? batch.header().at() : now;
        e.createdAt = now;
        e.idHashes = packed.idHashes();
        e.predictions = packed.predictions();
        e.scores = packed.scores();
        e.labels = packed.labels();
        e.sliceBins = packed.sliceBins();
        return e;
    }

    private void labels(AssembledBatch batch) {
        String modelId = batch.modelId();
        if (pending.labelsBatchProcessed(modelId, batch.batchId())) {
            meters.counter("performance.batches.redelivered", "kind", "labels").increment();
            return;
        }
        Instant now = Instant.now();
        int pruned = pending.prune(now.minus(config.predictionRetention()));
        if (pruned > 0) {
            meters.counter("performance.predictions.expired").increment(pruned);
            LOG.infof("deleted %d stored batches older than %s", pruned, config.predictionRetention());
        }
        LabelsInput labels = LabelsInput.of(batch);
        Instant receivedAt = batch.header().receivedAt() != null ? batch.header().receivedAt() : now;
        // First pass: only the id hashes of each stored batch, to find the affected ones and the
        // unmatched ids before anything is published.
        boolean[] matched = new boolean[labels.distinctIds()];
        Map<String, LabelJoin.Pairs> affected = new LinkedHashMap<>();
        for (String batchId : pending.batchIds(modelId)) {
            pending.idHashes(modelId, batchId).ifPresent(ids -> {
                LabelJoin.Pairs pairs = LabelJoin.match(RowCodec.unpackIds(ids), labels, matched);
                if (pairs.size() > 0) {
                    affected.put(batchId, pairs);
                }
            });
        }
        long matchedIds = 0;
        for (boolean m : matched) {
            matchedIds += m ? 1 : 0;
        }
        long unmatched = labels.distinctIds() - matchedIds;
        int revisions = 0;
        for (Map.Entry<String, LabelJoin.Pairs> e : affected.entrySet()) {
            if (revise(batch, labels, e.getKey(), e.getValue(), receivedAt, unmatched)) {
                revisions++;
            }
        }
        LabelBatchEntity processed = new LabelBatchEntity();
        processed.modelId = modelId;
        processed.batchId = batch.batchId();
        processed.rows = labels.rows();
        processed.matched = matchedIds;
        processed.unmatched = unmatched;
        processed.affectedBatches = affected.size();
        processed.receivedAt = receivedAt;
        processed.processedAt = Instant.now();
        ledger.recordLabelsBatch(processed);
        count(batch);
        meters.counter("performance.labels.matched").increment(matchedIds);
        meters.counter("performance.labels.unmatched").increment(unmatched);
        LOG.infof("labels batch %s of %s: %d rows, %d ids matched, %d unmatched, %d unusable; %d batches revised",
                batch.batchId(), modelId, labels.rows(), matchedIds, unmatched, labels.unusable(), revisions);
    }

    /** Applies the labels to one stored batch and publishes its next revision if any label changed. */
    private boolean revise(AssembledBatch labelsBatch, LabelsInput labels, String batchId, LabelJoin.Pairs pairs,
                           Instant receivedAt, long unmatched) {
        String modelId = labelsBatch.modelId();
        PendingEntity stored = pending.load(modelId, batchId).orElse(null);
        if (stored == null) {
            return false;
        }
        long started = System.nanoTime();
        Task task = Task.fromWire(stored.task);
        if (task != labels.task()) {
            throw new IllegalArgumentException("labels batch " + labelsBatch.batchId() + " and stored batch " + batchId
                    + " disagree on the task");
        }
        EvaluationRows rows = RowCodec.unpack(task, stored.rows, stored.packed());
        LabelJoin.Applied applied = LabelJoin.apply(rows, pairs, labels);
        if (!applied.changed()) {
            return false;
        }
        ReferenceBaseline baseline = baselines.load(modelId, stored.referenceVersion).orElseThrow(() ->
                new IllegalStateException("baseline v" + stored.referenceVersion + " of " + modelId + " is gone"));
        baseline.requireSameMeaning(labels.task(), labels.classes(), "labels batch " + labelsBatch.batchId());
        int revision = results.latestRevision(modelId, batchId) + 1;
        String eventId = eventId(modelId, batchId, revision);
        Instant computedAt = Instant.now();
        // Every row of a batch shares the batch's time, so the mean delay over the newly labelled rows
        // is the labels' arrival minus that time.
        Double delay = applied.newlyLabeled() == 0 ? null
                : Duration.between(stored.batchAt, receivedAt).toMillis() / 1000.0;
        PerformanceResult result = PerformanceComputation.compute(rows, baseline,
                new PerformanceComputation.Revision(eventId, modelId, batchId, stored.referenceVersion, revision,
                        computedAt, stored.batchAt, labelsBatch.batchId(), (long) applied.newlyLabeled(), delay,
                        unmatched, (long) applied.corrected()));
        computeTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        publisher.publish(modelId, result);
        int labeled = (int) result.labeledRows();
        ledger.recordRevision(modelId, batchId, revision, eventId, Json.toString(result), computedAt,
                RowCodec.packLabels(rows), labeled);
        published(result);
        LOG.infof("performance of %s batch %s rev %d (%d new labels, %d corrected): %s", modelId, batchId, revision,
                applied.newlyLabeled(), applied.corrected(), result.explanation());
        return true;
    }

    private void published(PerformanceResult result) {
        meters.counter("performance.results", "revision", result.revision() == 1 ? "first" : "later").increment();
        coverage.record(result.labelCoverage());
    }

    private void count(AssembledBatch batch) {
        meters.counter("performance.batches", "kind", batch.kind().wire()).increment();
        meters.counter("performance.rows", "kind", batch.kind().wire()).increment(batch.rows());
    }

    static String eventId(String modelId, String batchId, int revision) {
        return UUID.nameUUIDFromBytes(("performance:" + modelId + ":" + batchId + ":" + revision)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
