package io.modeltrust.drift.profile;

import io.modeltrust.service.store.ResultEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The drift results this service published. */
@ApplicationScoped
public class ResultStore {

    private final EntityManager em;

    public ResultStore(EntityManager em) {
        this.em = em;
    }

    public boolean exists(String modelId, String batchId) {
        return !em.createQuery("select r.revision from ResultEntity r where r.modelId = ?1 and r.batchId = ?2")
                .setParameter(1, modelId).setParameter(2, batchId).setMaxResults(1).getResultList().isEmpty();
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

    public Optional<String> find(String modelId, String batchId) {
        return em.createQuery("select r.resultJson from ResultEntity r where r.modelId = ?1 and r.batchId = ?2 "
                        + "order by r.revision desc", String.class)
                .setParameter(1, modelId).setParameter(2, batchId).setMaxResults(1).getResultStream().findFirst();
    }

    public List<String> latest(String modelId, int limit) {
        return em.createQuery("select r.resultJson from ResultEntity r where r.modelId = ?1 order by r.computedAt desc",
                        String.class)
                .setParameter(1, modelId).setMaxResults(limit).getResultList();
    }
}
