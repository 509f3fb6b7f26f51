package io.modeltrust.ingest.batch;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.ingest.config.IngestConfig;
import io.modeltrust.ingest.labels.IdIndex;
import io.modeltrust.ingest.publish.BatchPublisher;
import io.modeltrust.ingest.registry.FirstReferenceClasses;
import io.modeltrust.ingest.registry.ModelRegistry;
import io.modeltrust.ingest.registry.RegisteredModel;
import io.modeltrust.security.ApiProblem;
import io.modeltrust.ingest.upload.BatchBuilder;
import io.modeltrust.ingest.upload.BatchLayout;
import io.modeltrust.ingest.upload.BodyTooLargeException;
import io.modeltrust.ingest.upload.ExpectedColumn;
import io.modeltrust.ingest.upload.MalformedUploadException;
import io.modeltrust.ingest.upload.Problems;
import io.modeltrust.ingest.upload.RowReader;
import io.modeltrust.ingest.upload.StagedBatch;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.spec.ModelSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.HashMap;
import java.util.UUID;
import java.util.zip.ZipException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The upload path: validate the whole body against the model, then publish it in one go, then
 * remember it. A body with any problem publishes nothing.
 */
@ApplicationScoped
public class BatchIngestor {

    private static final Logger LOG = Logger.getLogger(BatchIngestor.class);
    private static final int SCHEMA_VERSION = 1;

    private final ModelRegistry registry;
    private final BatchPublisher publisher;
    private final BatchStore store;
    private final IdempotencyClaims claims;
    private final IdIndex ids;
    private final IngestConfig config;
    private final MeterRegistry meters;

    public BatchIngestor(ModelRegistry registry, BatchPublisher publisher, BatchStore store, IdempotencyClaims claims,
                         IdIndex ids, IngestConfig config, MeterRegistry meters) {
        this.registry = registry;
        this.publisher = publisher;
        this.store = store;
        this.claims = claims;
        this.ids = ids;
        this.config = config;
        this.meters = meters;
    }

    public BatchReceipt ingest(String modelId, BatchKind kind, UploadBody body, Instant at, String idempotencyKey) {
        MDC.put("modelId", modelId);
        try {
            return ingestWithContext(modelId, kind, body, at, idempotencyKey);
        } finally {
            MDC.remove("modelId");
            MDC.remove("batchId");
        }
    }

    private BatchReceipt ingestWithContext(String modelId, BatchKind kind, UploadBody body, Instant at,
                                           String idempotencyKey) {
        RegisteredModel model = registry.requireForUpload(modelId);
        String batchId = UUID.randomUUID().toString();
        if (idempotencyKey != null) {
            BatchReceipt earlier = claim(modelId, idempotencyKey, batchId);
            if (earlier != null) {
                return earlier;
            }
        }
        boolean published = false;
        try {
            BatchReceipt receipt = ingestClaimed(model, kind, body, at, idempotencyKey, batchId);
            published = true;
            return receipt;
        } catch (PublishedException e) {
            published = true;
            if (idempotencyKey != null) {
                try {
                    claims.publishedAfterFailure(modelId, idempotencyKey, batchId);
                } catch (RuntimeException again) {
                    e.failure.addSuppressed(again);
                }
            }
            throw e.failure;
        } finally {
            if (!published && idempotencyKey != null) {
                claims.release(modelId, idempotencyKey, batchId);
            }
        }
    }

    /**
     * Claims the key for this request, or answers for the request that holds it: its receipt once it has
     * published, 409 while it is still in flight. Of eight racing repeats exactly one publishes.
     */
    private BatchReceipt claim(String modelId, String idempotencyKey, String batchId) {
        var earlier = store.findByIdempotencyKey(modelId, idempotencyKey);
        if (earlier.isPresent()) {
            meters.counter("ingest.idempotent.repeats").increment();
            return receipt(earlier.get());
        }
        IdempotencyClaims.Outcome outcome = claims.claim(modelId, idempotencyKey, batchId);
        if (outcome instanceof IdempotencyClaims.Claimed) {
            return null;
        }
        meters.counter("ingest.idempotent.repeats").increment();
        if (outcome instanceof IdempotencyClaims.Published p) {
            var first = store.find(modelId, p.batchId());
            if (first.isPresent()) {
                return receipt(first.get());
            }
        }
        throw new ApiProblem(409, "Idempotency-Key in use", "another request with Idempotency-Key " + idempotencyKey
                + " for model " + modelId + " is still being processed; repeat it in a moment to get its receipt");
    }

    /** A failure after the batch reached Kafka: the key stays claimed, so a repeat can never publish it twice. */
    private static final class PublishedException extends RuntimeException {
        final RuntimeException failure;

        PublishedException(RuntimeException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    private BatchReceipt ingestClaimed(RegisteredModel model, BatchKind kind, UploadBody body, Instant at,
                                       String idempotencyKey, String batchId) {
        String modelId = model.modelId();
        ModelSpec spec = model.spec();
        requireUsable(model, kind);
        List<ExpectedColumn> layout = BatchLayout.of(spec, kind);
        MDC.put("batchId", batchId);
        Instant receivedAt = Instant.now();
        Map<String, Set<String>> distinct = new HashMap<>();
        StagedBatch staged = stage(batchId, kind, layout, body, distinct);
        if (kind == BatchKind.REFERENCE && spec.task().classification() && spec.classesOrEmpty().isEmpty()) {
            model = registry.fixClasses(modelId, FirstReferenceClasses.of(spec, distinct));
            spec = model.spec();
        }
        int referenceVersion = kind == BatchKind.REFERENCE
                ? registry.allocateReferenceVersion(modelId) : model.referenceVersion();
        List<ColumnSpec> columns = layout.stream().map(ExpectedColumn::spec).toList();
        Instant batchAt = at != null ? at : receivedAt;
        BatchHeader header = new BatchHeader(null, SCHEMA_VERSION, UUID.randomUUID().toString(), modelId, batchId,
                kind, model.version(), referenceVersion, spec, columns, batchAt, receivedAt);
        BatchSeal seal = new BatchSeal(null, SCHEMA_VERSION, UUID.randomUUID().toString(), modelId, batchId, kind,
                staged.rows(), staged.chunks().size());
        long started = System.nanoTime();
        publisher.publish(header, staged, seal);
        meters.timer("ingest.publish.time").record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        try {
            return record(model, kind, staged, columns, referenceVersion, batchAt, receivedAt, idempotencyKey, batchId);
        } catch (RuntimeException e) {
            throw new PublishedException(e);
        }
    }

    private BatchReceipt record(RegisteredModel model, BatchKind kind, StagedBatch staged, List<ColumnSpec> columns,
                                int referenceVersion, Instant batchAt, Instant receivedAt, String idempotencyKey,
                                String batchId) {
        String modelId = model.modelId();
        if (kind == BatchKind.REFERENCE) {
            registry.confirmReferenceVersion(modelId, referenceVersion);
        }
        Long matched = null;
        if (kind == BatchKind.LABELS) {
            matched = ids.matches(modelId, staged.idHashes());
        } else if (kind == BatchKind.PRODUCTION && staged.idHashes() != null) {
            ids.remember(modelId, batchId, staged.idHashes());
        }
        BatchEntity entity = new BatchEntity();
        entity.batchId = batchId;
        entity.modelId = modelId;
        entity.kind = kind.wire();
        entity.rows = staged.rows();
        entity.chunks = staged.chunks().size();
        entity.modelVersion = model.version();
        entity.referenceVersion = referenceVersion;
        entity.at = batchAt;
        entity.receivedAt = receivedAt;
        entity.idempotencyKey = idempotencyKey;
        entity.matchedLabels = matched;
        entity.columnsJson = Json.toString(columns);
        store.save(entity);
        meters.counter("ingest.batches", "kind", kind.wire()).increment();
        meters.counter("ingest.rows", "kind", kind.wire()).increment(staged.rows());
        LOG.infof("published %s batch %s of model %s: %d rows in %d chunks", kind.wire(), batchId, modelId,
                staged.rows(), staged.chunks().size());
        return receipt(entity);
    }

    private void requireUsable(RegisteredModel model, BatchKind kind) {
        if (kind == BatchKind.PRODUCTION && model.referenceVersion() == 0) {
            throw new ApiProblem(409, "No reference", "upload reference data for model " + model.modelId()
                    + " before production batches: drift and baselines are measured against it");
        }
        if (kind == BatchKind.LABELS && (model.spec().id() == null || model.spec().label() == null)) {
            throw new ApiProblem(409, "Labels cannot be joined", "model " + model.modelId()
                    + " needs both an id and a label column in its spec to accept delayed labels");
        }
    }

    private StagedBatch stage(String batchId, BatchKind kind, List<ExpectedColumn> layout, UploadBody body,
                              Map<String, Set<String>> distinct) {
        List<String> names = layout.stream().map(ExpectedColumn::name).toList();
        BatchBuilder builder = new BatchBuilder(batchId, layout, config.chunkRows(), config.chunkMaxBytes(),
                config.deflateChunks(), kind != BatchKind.REFERENCE);
        StagedBatch staged;
        try (RowReader reader = UploadReader.open(body, names, config.maxBodyBytes())) {
            staged = builder.build(reader);
        } catch (MalformedUploadException e) {
            reject("malformed");
            throw new ApiProblem(400, "Malformed " + kind.wire() + " upload", e.getMessage(),
                    List.of(new ApiProblem.FieldError(e.row() == 0 ? null : e.row(), null, e.getMessage())), 1);
        } catch (BodyTooLargeException e) {
            reject("too_large");
            throw new ApiProblem(413, "Payload Too Large", e.getMessage());
        } catch (CharacterCodingException e) {
            reject("malformed");
            throw ApiProblem.badRequest("the body is not valid UTF-8");
        } catch (ZipException | EOFException e) {
            reject("malformed");
            throw ApiProblem.badRequest("the gzip body is corrupt or truncated");
        } catch (IOException e) {
            reject("io");
            throw ApiProblem.badRequest("the body could not be read: " + e.getMessage());
        }
        distinct.putAll(builder.distinctClassValues());
        if (staged == null) {
            reject("invalid");
            Problems problems = builder.problems();
            List<ApiProblem.FieldError> errors = problems.kept().stream()
                    .map(p -> new ApiProblem.FieldError(p.row(), p.column(), p.message())).toList();
            ApiProblem.FieldError first = errors.get(0);
            String where = (first.row() != null ? "row " + first.row() + ", " : "")
                    + (first.column() != null ? "column " + first.column() + ": " : "");
            throw new ApiProblem(400, "Invalid " + kind.wire() + " upload", problems.total()
                    + " problem(s); nothing was published. First: " + where + first.message(), errors, problems.total());
        }
        return staged;
    }

    private void reject(String reason) {
        meters.counter("ingest.rejected", "reason", reason).increment();
    }

    private static BatchReceipt receipt(BatchEntity e) {
        return new BatchReceipt(e.modelId, e.batchId, e.kind, e.rows, e.referenceVersion, e.receivedAt, e.at,
                e.matchedLabels);
    }
}
