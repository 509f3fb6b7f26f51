package io.modeltrust.fairness.store;

import io.modeltrust.service.store.ResultEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The fairness results this service published, one row per revision, and the writes that must go
 * with them: revision 1 is stored together with the batch's pending predictions, and a label
 * revision together with the pending row's new label state, so the two never disagree.
 */
@ApplicationScoped
public class ResultStore {

    private final EntityManager em;

    public ResultStore(EntityManager em) {
        this.em = em;
    }

    /** A published result to store. */
    public record Row(String modelId, String batchId, int revision, String eventId, String json, Instant computedAt) {
    }

    public boolean exists(String modelId, String batchId, int revision) {
        return !em.createQuery("select r.revision from ResultEntity r where r.modelId = ?1 and r.batchId = ?2 "
                        + "and r.revision = ?3")
                .setParameter(1, modelId).setParameter(2, batchId).setParameter(3, revision)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Revision 1 of a batch and, when labels can still arrive for it, its pending predictions. */
    @Transactional
    public void saveFirst(Row row, PendingEntity pending) {
        em.merge(entity(row));
        if (pending != null) {
            em.merge(pending);
        }
    }

    /**
     * A revision caused by delayed labels, with the label state that produced it; {@code correct}
     * (multiclass only, else null) is stored with it so that the next labels start from both.
     */
    @Transactional
    public void saveRevision(Row row, byte[] labels, byte[] correct, long labeledRows) {
        em.merge(entity(row));
        String correctness = correct == null ? "" : ", p.correct = ?7";
        var update = em.createQuery("update PendingEntity p set p.labels = ?1, p.labeledRows = ?2, p.revision = ?3, "
                        + "p.updatedAt = ?4" + correctness + " where p.modelId = ?5 and p.batchId = ?6")
                .setParameter(1, labels).setParameter(2, labeledRows).setParameter(3, row.revision())
                .setParameter(4, row.computedAt()).setParameter(5, row.modelId()).setParameter(6, row.batchId());
        if (correct != null) {
            update.setParameter(7, correct);
        }
        int updated = update.executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("pending predictions of batch " + row.batchId() + " vanished");
        }
    }

    private static ResultEntity entity(Row row) {
        ResultEntity e = new ResultEntity();
        e.modelId = row.modelId();
        e.batchId = row.batchId();
        e.revision = row.revision();
        e.eventId = row.eventId();
        e.resultJson = row.json();
        e.computedAt = row.computedAt();
        return e;
    }

    /** The latest revision of a batch's result, or the given revision. */
    public Optional<String> find(String modelId, String batchId, Integer revision) {
        if (revision != null) {
            return em.createQuery("select r.resultJson from ResultEntity r where r.modelId = ?1 and r.batchId = ?2 "
                            + "and r.revision = ?3", String.class)
                    .setParameter(1, modelId).setParameter(2, batchId).setParameter(3, revision)
                    .getResultStream().findFirst();
        }
        return em.createQuery("select r.resultJson from ResultEntity r where r.modelId = ?1 and r.batchId = ?2 "
                        + "order by r.revision desc", String.class)
                .setParameter(1, modelId).setParameter(2, batchId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The latest revision of the most recent batches' results, newest first. */
    public List<String> latest(String modelId, int limit) {
        return em.createQuery("select r.resultJson from ResultEntity r where r.modelId = ?1 and r.revision = "
                        + "(select max(s.revision) from ResultEntity s where s.modelId = r.modelId and s.batchId = r.batchId) "
                        + "order by r.computedAt desc", String.class)
                .setParameter(1, modelId).setMaxResults(limit).getResultList();
    }
}
