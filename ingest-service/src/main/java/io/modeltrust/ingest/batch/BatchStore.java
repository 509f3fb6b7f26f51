package io.modeltrust.ingest.batch;

import io.modeltrust.ingest.registry.DeletedModels;
import io.modeltrust.ingest.registry.ModelEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Ingest's own record of published batches. */
@ApplicationScoped
public class BatchStore {

    private final EntityManager em;
    private final IdempotencyClaims claims;

    public BatchStore(EntityManager em, IdempotencyClaims claims) {
        this.em = em;
        this.claims = claims;
    }

    /**
     * Records a published batch and, in the same transaction, turns its Idempotency-Key's claim published. A
     * deletion of its model that committed while the batch was being read and published wins: 409, and every
     * service drops the batch, which ingest received before the deletion.
     */
    @Transactional
    public void save(BatchEntity entity) {
        if (em.find(ModelEntity.class, entity.modelId, LockModeType.PESSIMISTIC_READ) == null) {
            throw DeletedModels.deleted(entity.modelId);
        }
        em.persist(entity);
        if (entity.idempotencyKey != null) {
            claims.published(entity.modelId, entity.idempotencyKey, entity.batchId);
        }
    }

    public Optional<BatchEntity> find(String modelId, String batchId) {
        return Optional.ofNullable(em.find(BatchEntity.class, batchId)).filter(b -> b.modelId.equals(modelId));
    }

    public Optional<BatchEntity> findByIdempotencyKey(String modelId, String key) {
        return em.createQuery("from BatchEntity where modelId = ?1 and idempotencyKey = ?2", BatchEntity.class)
                .setParameter(1, modelId).setParameter(2, key).getResultStream().findFirst();
    }
}
