package io.modeltrust.fairness.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the production batches awaiting delayed labels, and the memory of labels batches
 * already joined. Reads are projections, so the large arrays never sit in a persistence context.
 */
@ApplicationScoped
public class PendingStore {

    private final EntityManager em;

    public PendingStore(EntityManager em) {
        this.em = em;
    }

    /**
     * What a labels join needs first: ids, current label state and the spec of the batch; for a
     * multiclass batch also the predicted classes and the correctness per row (null for binary).
     */
    public record LabelView(String batchId, int rows, int revision, int referenceVersion, Instant batchAt,
                            String specJson, byte[] idHashes, byte[] labels, byte[] predictedClasses, byte[] correct) {
    }

    /** What a recomputation needs besides the {@link LabelView}. */
    public record Groups(String attributesJson, byte[] groupCodes, byte[] predictions) {
    }

    /** Batches of the model whose predictions are still kept, oldest first. */
    public List<String> batchIds(String modelId, Instant now) {
        return em.createQuery("select p.batchId from PendingEntity p where p.modelId = ?1 and p.expiresAt > ?2 "
                        + "order by p.createdAt, p.batchId", String.class)
                .setParameter(1, modelId).setParameter(2, now).getResultList();
    }

    public Optional<LabelView> labelView(String modelId, String batchId) {
        List<Object[]> rows = em.createQuery("select p.rowCount, p.revision, p.referenceVersion, p.batchAt, p.specJson, "
                        + "p.idHashes, p.labels, p.predictedClasses, p.correct from PendingEntity p "
                        + "where p.modelId = ?1 and p.batchId = ?2", Object[].class)
                .setParameter(1, modelId).setParameter(2, batchId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new LabelView(batchId, (Integer) r[0], (Integer) r[1], (Integer) r[2], (Instant) r[3],
                (String) r[4], (byte[]) r[5], (byte[]) r[6], (byte[]) r[7], (byte[]) r[8]));
    }

    public Groups groups(String modelId, String batchId) {
        Object[] r = em.createQuery("select p.attributesJson, p.groupCodes, p.predictions from PendingEntity p "
                        + "where p.modelId = ?1 and p.batchId = ?2", Object[].class)
                .setParameter(1, modelId).setParameter(2, batchId).getSingleResult();
        return new Groups((String) r[0], (byte[]) r[1], (byte[]) r[2]);
    }

    public boolean labelsProcessed(String modelId, String labelsBatchId) {
        return !em.createQuery("select p.batchId from ProcessedLabelsEntity p where p.modelId = ?1 and p.batchId = ?2")
                .setParameter(1, modelId).setParameter(2, labelsBatchId).setMaxResults(1).getResultList().isEmpty();
    }

    @Transactional
    public void markLabelsProcessed(String modelId, String labelsBatchId, long rows, long matchedRows, int revisedBatches) {
        ProcessedLabelsEntity e = new ProcessedLabelsEntity();
        e.modelId = modelId;
        e.batchId = labelsBatchId;
        e.rowCount = rows;
        e.matchedRows = matchedRows;
        e.revisedBatches = revisedBatches;
        e.processedAt = Instant.now();
        em.merge(e);
    }

    /**
     * Forgets predictions past their expiry, and labels batches processed longer ago than twice the
     * retention (by then no prediction they could touch is kept). Returns the pending rows removed.
     */
    @Transactional
    public int expire(Instant now, java.time.Duration retention) {
        int removed = em.createQuery("delete from PendingEntity p where p.expiresAt <= ?1")
                .setParameter(1, now).executeUpdate();
        em.createQuery("delete from ProcessedLabelsEntity p where p.processedAt < ?1")
                .setParameter(1, now.minus(retention.multipliedBy(2))).executeUpdate();
        return removed;
    }
}
