package io.modeltrust.performance.pending;

import io.modeltrust.performance.profile.ResultStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The writes that must happen together: a result revision with the stored predictions it was computed
 * from, so a redelivered batch finds either both or neither.
 */
@ApplicationScoped
public class Ledger {

    private final EntityManager em;
    private final ResultStore results;

    public Ledger(EntityManager em, ResultStore results) {
        this.em = em;
        this.results = results;
    }

    /** Revision 1 of a production batch, and its predictions when some rows still wait for labels. */
    @Transactional
    public void recordFirst(String modelId, String batchId, String eventId, String json, Instant computedAt,
                            PendingEntity pending) {
        results.save(modelId, batchId, 1, eventId, json, computedAt);
        if (pending != null) {
            em.merge(pending);
        }
    }

    /**
     * A later revision and the labels it applied. Only the labels column is rewritten (the other
     * columns keep their stored values). A batch whose every row is labelled stays until the prediction
     * retention ends: deleting it would make a later correction of its labels match nothing.
     */
    @Transactional
    public void recordRevision(String modelId, String batchId, int revision, String eventId, String json,
                               Instant computedAt, byte[] labels, int labeledRows) {
        results.save(modelId, batchId, revision, eventId, json, computedAt);
        em.createQuery("update PendingEntity p set p.labels = ?3, p.labeledRows = ?4 "
                        + "where p.modelId = ?1 and p.batchId = ?2")
                .setParameter(1, modelId).setParameter(2, batchId).setParameter(3, labels)
                .setParameter(4, labeledRows).executeUpdate();
    }

    @Transactional
    public void recordLabelsBatch(LabelBatchEntity processed) {
        em.merge(processed);
    }
}
