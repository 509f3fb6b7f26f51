package io.modeltrust.performance.pending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Predictions awaiting labels and the labels batches already processed. Reads fetch only the columns
 * they need: the join's first pass reads just the id hashes of each stored batch.
 */
@ApplicationScoped
public class PendingStore {

    private final EntityManager em;

    public PendingStore(EntityManager em) {
        this.em = em;
    }

    /** Stored batches of a model, oldest first. */
    public List<String> batchIds(String modelId) {
        return em.createQuery("select p.batchId from PendingEntity p where p.modelId = ?1 order by p.createdAt, p.batchId",
                        String.class)
                .setParameter(1, modelId).getResultList();
    }

    public Optional<byte[]> idHashes(String modelId, String batchId) {
        return em.createQuery("select p.idHashes from PendingEntity p where p.modelId = ?1 and p.batchId = ?2",
                        byte[].class)
                .setParameter(1, modelId).setParameter(2, batchId).getResultStream().findFirst();
    }

    public Optional<PendingEntity> load(String modelId, String batchId) {
        PendingEntity.Key k = new PendingEntity.Key();
        k.modelId = modelId;
        k.batchId = batchId;
        PendingEntity e = em.find(PendingEntity.class, k);
        if (e != null) {
            em.detach(e);
        }
        return Optional.ofNullable(e);
    }

    /** Deletes predictions stored before the cutoff, and the memory of labels batches processed before it. */
    @Transactional
    public int prune(Instant cutoff) {
        int deleted = em.createQuery("delete from PendingEntity p where p.createdAt < ?1")
                .setParameter(1, cutoff).executeUpdate();
        em.createQuery("delete from LabelBatchEntity l where l.processedAt < ?1").setParameter(1, cutoff).executeUpdate();
        return deleted;
    }

    public boolean labelsBatchProcessed(String modelId, String batchId) {
        LabelBatchEntity.Key k = new LabelBatchEntity.Key();
        k.modelId = modelId;
        k.batchId = batchId;
        return em.find(LabelBatchEntity.class, k) != null;
    }

    public Optional<LabelBatchEntity> labelsBatch(String modelId, String batchId) {
        LabelBatchEntity.Key k = new LabelBatchEntity.Key();
        k.modelId = modelId;
        k.batchId = batchId;
        return Optional.ofNullable(em.find(LabelBatchEntity.class, k));
    }

    /** A stored batch as the REST API shows it, with the bytes its packed columns take in PostgreSQL. */
    @Schema(name = "PendingBatch", description = "A production batch whose predictions are kept for labels; "
            + "storedBytes is what they take in PostgreSQL")
    public record Summary(String batchId, int referenceVersion, int rows, int labeledRows, Instant batchAt,
                          Instant createdAt, long storedBytes) {
    }

    public List<Summary> summaries(String modelId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select batch_id, reference_version, rows, labeled_rows, batch_at, "
                        + "created_at, pg_column_size(id_hashes) + pg_column_size(predictions) "
                        + "+ coalesce(pg_column_size(scores), 0) + pg_column_size(labels) + pg_column_size(slice_bins) "
                        + "from pending_predictions where model_id = ?1 order by created_at, batch_id")
                .setParameter(1, modelId).getResultList();
        return rows.stream().map(r -> new Summary((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), instant(r[4]), instant(r[5]), ((Number) r[6]).longValue())).toList();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return null;
    }
}
