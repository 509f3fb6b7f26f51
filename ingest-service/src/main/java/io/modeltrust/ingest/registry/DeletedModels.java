package io.modeltrust.ingest.registry;

import io.modeltrust.security.ApiProblem;
import io.modeltrust.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The ids of models deleted and not registered again (table deleted_models). Uploads to such an id are
 * refused with 409 rather than 404: the producer learns that the model was deleted, not that it never was.
 */
@ApplicationScoped
public class DeletedModels {

    private final EntityManager em;
    private final IngestConfig config;

    public DeletedModels(EntityManager em, IngestConfig config) {
        this.em = em;
        this.config = config;
    }

    public boolean contains(String modelId) {
        return !em.createNativeQuery("SELECT 1 FROM deleted_models WHERE model_id = ?1")
                .setParameter(1, modelId).getResultList().isEmpty();
    }

    /**
     * Registering the id again starts a new model, once ingest.deleted-id-hold has passed since the deletion:
     * until then, late results of the deleted model may still be on their way (409).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void forget(String modelId) {
        List<?> deletedAt = em.createNativeQuery("SELECT deleted_at FROM deleted_models WHERE model_id = ?1 FOR UPDATE")
                .setParameter(1, modelId).getResultList();
        if (!deletedAt.isEmpty()) {
            Instant free = instant(deletedAt.get(0)).plus(config.deletedIdHold());
            if (Instant.now().isBefore(free)) {
                throw new ApiProblem(409, "Model being deleted", "model " + modelId + " was deleted; its id can be "
                        + "registered again from " + free + " (ingest.deleted-id-hold), once every service has let go of it");
            }
        }
        em.createNativeQuery("DELETE FROM deleted_models WHERE model_id = ?1").setParameter(1, modelId).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    public static ApiProblem deleted(String modelId) {
        return new ApiProblem(409, "Model deleted", "model " + modelId + " was deleted (GET /api/v1/audit?modelId="
                + modelId + " says by whom and when) and accepts no uploads; register it again to start anew");
    }
}
