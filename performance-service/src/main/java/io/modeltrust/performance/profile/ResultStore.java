package io.modeltrust.performance.profile;

import io.modeltrust.service.store.ResultEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The performance results this service published, every revision. */
@ApplicationScoped
public class ResultStore {

    private final EntityManager em;

    public ResultStore(EntityManager em) {
        this.em = em;
    }

    public boolean exists(String modelId, String batchId) {
        return latestRevision(modelId, batchId) > 0;
    }

    /** Highest stored revision of the batch, 0 when none. */
    public int latestRevision(String modelId, String batchId) {
        Integer max = em.createQuery("select max(r.revision) from ResultEntity r where r.modelId = ?1 and r.batchId = ?2",
                        Integer.class)
                .setParameter(1, modelId).setParameter(2, batchId).getSingleResult();
        return max == null ? 0 : max;
    }

    @Transactional
    public void save(String modelId, String batchId, int revision, String eventId, String json, Instant computedAt) {
        ResultEntity e = new ResultEntity();
        e.modelId = modelId;
        e.batchId = batchId;
        e.revision = revision;
        e.eventId = eventId;
        e.resultJson = json;
        e.computedAt = computedAt;
        em.merge(e);
    }

    /** The latest revision of a batch's result. */
    public Optional<String> find(String modelId, String batchId) {
        return em.createQuery("select r.resultJson from ResultEntity r where r.modelId = ?1 and r.batchId = ?2 "
                        + "order by r.revision desc", String.class)
                .setParameter(1, modelId).setParameter(2, batchId).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<String> find(String modelId, String batchId, int revision) {
        return em.createQuery("select r.resultJson from ResultEntity r where r.modelId = ?1 and r.batchId = ?2 "
                        + "and r.revision = ?3", String.class)
                .setParameter(1, modelId).setParameter(2, batchId).setParameter(3, revision).getResultStream().findFirst();
    }

    public List<String> revisions(String modelId, String batchId) {
        return em.createQuery("select r.resultJson from ResultEntity r where r.modelId = ?1 and r.batchId = ?2 "
                        + "order by r.revision", String.class)
                .setParameter(1, modelId).setParameter(2, batchId).getResultList();
    }

    /** Most recently computed results of a model, any revision. */
    public List<String> latest(String modelId, int limit) {
        return em.createQuery("select r.resultJson from ResultEntity r where r.modelId = ?1 order by r.computedAt desc",
                        String.class)
                .setParameter(1, modelId).setMaxResults(limit).getResultList();
    }
}
