package io.modeltrust.ingest.deletion;

import io.modeltrust.ingest.batch.BatchEntity;
import io.modeltrust.ingest.registry.ModelEntity;
import io.modeltrust.security.ApiProblem;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.event.ControlEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ingest's side of a deletion, in one transaction: the audit row (also the outbox of the control
 * event), the tombstone, and ingest's own data of the model or batch (registry row, batches,
 * references, production id hashes).
 */
@ApplicationScoped
public class Deletions {

    private static final String COLUMNS = "event_id, kind, model_id, batch_id, actor, deleted_at, published_at";

    private final EntityManager em;

    public Deletions(EntityManager em) {
        this.em = em;
    }

    /** The deletion, and whether this call made it (false: the model or batch was already deleted). */
    public record Outcome(Deletion deletion, boolean created) {
    }

    @Transactional
    public Outcome deleteModel(String modelId, String actor) {
        ModelEntity model = em.find(ModelEntity.class, modelId, LockModeType.PESSIMISTIC_WRITE);
        if (model == null) {
            return select("WHERE event_id = (SELECT event_id FROM deleted_models WHERE model_id = ?1)", modelId)
                    .stream().findFirst().map(d -> new Outcome(d, false))
                    .orElseThrow(() -> ApiProblem.notFound("no model " + modelId + " is registered"));
        }
        Deletion deletion = record(ControlEvent.Kind.MODEL_DELETED, modelId, null, actor);
        em.createNativeQuery("INSERT INTO deleted_models (model_id, event_id, deleted_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (model_id) DO UPDATE SET event_id = EXCLUDED.event_id, deleted_at = EXCLUDED.deleted_at")
                .setParameter(1, modelId).setParameter(2, deletion.eventId()).setParameter(3, ts(deletion.at()))
                .executeUpdate();
        update("DELETE FROM production_ids WHERE model_id = ?1", modelId);
        update("DELETE FROM batches WHERE model_id = ?1", modelId);
        update("DELETE FROM models WHERE model_id = ?1", modelId);
        return new Outcome(deletion, true);
    }

    @Transactional
    public Outcome deleteBatch(String modelId, String batchId, String actor) {
        if (em.find(ModelEntity.class, modelId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ApiProblem.notFound("no model " + modelId + " is registered");
        }
        BatchEntity batch = em.find(BatchEntity.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null || !batch.modelId.equals(modelId)) {
            return select("WHERE model_id = ?1 AND batch_id = ?2 AND kind = 'batch_deleted'", modelId, batchId)
                    .stream().findFirst().map(d -> new Outcome(d, false))
                    .orElseThrow(() -> ApiProblem.notFound("model " + modelId + " has no batch " + batchId));
        }
        if (!BatchKind.PRODUCTION.wire().equals(batch.kind)) {
            throw new ApiProblem(409, "Not a production batch", "batch " + batchId + " is a " + batch.kind
                    + " upload: only production batches can be deleted one by one (a reference is what later batches"
                    + " were compared with, labels are already joined). Delete the model to remove everything.");
        }
        Deletion deletion = record(ControlEvent.Kind.BATCH_DELETED, modelId, batchId, actor);
        update("DELETE FROM production_ids WHERE batch_id = ?1", batchId);
        update("DELETE FROM batches WHERE batch_id = ?1", batchId);
        return new Outcome(deletion, true);
    }

    /** The newest deletions first, of one model or (modelId null) of all. */
    public List<Deletion> audit(String modelId, int limit) {
        return modelId == null
                ? select("ORDER BY deleted_at DESC, event_id LIMIT " + limit)
                : select("WHERE model_id = ?1 ORDER BY deleted_at DESC, event_id LIMIT " + limit, modelId);
    }

    /** Deletions whose control event Kafka has not acknowledged, oldest first. */
    @Transactional
    /**
     * Deletions accepted before {@code acceptedBefore} whose event Kafka has not acknowledged: a younger one
     * is still its DELETE request's to publish, and taking it too would publish its event twice.
     */
    public List<Deletion> unpublished(int limit, Instant acceptedBefore) {
        return select("WHERE published_at IS NULL AND deleted_at < ?1 ORDER BY deleted_at LIMIT " + limit,
                ts(acceptedBefore));
    }

    @Transactional
    public void markPublished(String eventId) {
        em.createNativeQuery("UPDATE deletions SET published_at = ?2 WHERE event_id = ?1 AND published_at IS NULL")
                .setParameter(1, eventId).setParameter(2, ts(Instant.now())).executeUpdate();
    }

    public Optional<Deletion> find(String eventId) {
        return select("WHERE event_id = ?1", eventId).stream().findFirst();
    }

    private Deletion record(ControlEvent.Kind kind, String modelId, String batchId, String actor) {
        Deletion deletion = new Deletion(UUID.randomUUID().toString(), kind.wire(), modelId, batchId, actor,
                Instant.now(), null);
        em.createNativeQuery("INSERT INTO deletions (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL)")
                .setParameter(1, deletion.eventId()).setParameter(2, deletion.kind()).setParameter(3, modelId)
                .setParameter(4, batchId).setParameter(5, actor).setParameter(6, ts(deletion.at())).executeUpdate();
        return deletion;
    }

    private void update(String sql, String id) {
        em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
    }

    private List<Deletion> select(String where, Object... params) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM deletions " + where);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Deletion((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], instant(r[5]), instant(r[6]))).toList();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
