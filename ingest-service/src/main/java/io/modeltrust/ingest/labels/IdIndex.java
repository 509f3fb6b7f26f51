package io.modeltrust.ingest.labels;

import io.modeltrust.ingest.config.IngestConfig;
import io.modeltrust.ingest.registry.DeletedModels;
import io.modeltrust.ingest.registry.ModelEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Remembers which ids production batches carried, as sorted hashes, to count label matches. */
@ApplicationScoped
public class IdIndex {

    private final EntityManager em;
    private final IngestConfig config;

    public IdIndex(EntityManager em, IngestConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Stores nothing, and answers 409, when the model was deleted meanwhile: no orphan ids outlive it. */
    @Transactional
    public void remember(String modelId, String batchId, long[] idHashes) {
        if (em.find(ModelEntity.class, modelId, LockModeType.PESSIMISTIC_READ) == null) {
            throw DeletedModels.deleted(modelId);
        }
        long[] sorted = idHashes.clone();
        Arrays.sort(sorted);
        ByteBuffer bytes = ByteBuffer.allocate(sorted.length * 8);
        bytes.asLongBuffer().put(sorted);
        ProductionIdsEntity entity = new ProductionIdsEntity();
        entity.batchId = batchId;
        entity.modelId = modelId;
        entity.hashes = bytes.array();
        entity.createdAt = Instant.now();
        em.persist(entity);
    }

    /** How many of these label ids belong to a production row still within retention. */
    @Transactional
    public long matches(String modelId, long[] labelHashes) {
        long[] labels = labelHashes.clone();
        Arrays.sort(labels);
        boolean[] matched = new boolean[labels.length];
        Instant oldest = Instant.now().minus(config.idRetention());
        List<ProductionIdsEntity> sets = em.createQuery(
                        "from ProductionIdsEntity where modelId = ?1 and createdAt >= ?2", ProductionIdsEntity.class)
                .setParameter(1, modelId).setParameter(2, oldest).getResultList();
        for (ProductionIdsEntity set : sets) {
            ByteBuffer stored = ByteBuffer.wrap(set.hashes);
            int n = set.hashes.length / 8;
            int i = 0;
            int j = 0;
            while (i < labels.length && j < n) {
                long a = labels[i];
                long b = stored.getLong(j * 8);
                if (a < b) {
                    i++;
                } else if (a > b) {
                    j++;
                } else {
                    matched[i++] = true;
                }
            }
        }
        long count = 0;
        for (boolean m : matched) {
            if (m) {
                count++;
            }
        }
        expire(oldest);
        return count;
    }

    /** Forgets the ids of production batches stored before {@code oldest}; returns the batches forgotten. */
    @Transactional
    public int expire(Instant oldest) {
        return em.createQuery("delete from ProductionIdsEntity where createdAt < ?1").setParameter(1, oldest).executeUpdate();
    }
}
