package io.modeltrust.drift.window;

import io.modeltrust.drift.profile.ColumnProfile;
import io.modeltrust.model.batch.ColumnRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kept production batches of the moving reference (tables reference_window_batches and
 * reference_window). Batches are ordered by time, ties by batch id in byte order, in SQL, so every
 * replica selects the same window.
 */
@ApplicationScoped
public class ReferenceWindowStore {

    private static final String BEFORE = "model_id = ?1 AND (batch_at < ?2 OR (batch_at = ?2 AND batch_id COLLATE \"C\" < ?3))";
    private static final String NEWEST = " ORDER BY batch_at DESC, batch_id COLLATE \"C\" DESC LIMIT ?4";

    private final EntityManager em;

    public ReferenceWindowStore(EntityManager em) {
        this.em = em;
    }

    /**
     * The newest {@code n} kept batches of the model strictly before ({@code at}, {@code batchId}): never the
     * batch itself, so a redelivered batch that was kept already sees the window it saw the first time.
     */
    @Transactional
    public List<WindowBatch> before(String modelId, Instant at, String batchId, int n) {
        @SuppressWarnings("unchecked")
        List<Object[]> batches = em.createNativeQuery("SELECT batch_id, batch_at, batch_rows FROM reference_window_batches "
                        + "WHERE " + BEFORE + NEWEST)
                .setParameter(1, modelId).setParameter(2, Timestamp.from(at)).setParameter(3, batchId)
                .setParameter(4, n).getResultList();
        if (batches.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT batch_id, column_name, role, type, profile FROM reference_window "
                        + "WHERE model_id = ?1 AND batch_id IN (SELECT batch_id FROM reference_window_batches WHERE "
                        + BEFORE + NEWEST + ")")
                .setParameter(1, modelId).setParameter(2, Timestamp.from(at)).setParameter(3, batchId)
                .setParameter(4, n).getResultList();
        Map<String, Map<String, ColumnProfile>> columns = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String column = (String) r[1];
            ColumnRole role = ColumnRole.fromWire((String) r[2]);
            byte[] bytes = (byte[]) r[4];
            ColumnProfile p = ColumnProfile.fromBytes(column, role, (String) r[3], bytes);
            columns.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put(column, p);
        }
        List<WindowBatch> out = new ArrayList<>();
        for (Object[] b : batches) {
            String id = (String) b[0];
            out.add(new WindowBatch(id, instant(b[1]), ((Number) b[2]).longValue(), columns.getOrDefault(id, Map.of())));
        }
        return out;
    }

    /**
     * Keeps the batch (once: a batch kept before is left as it is) and then only the newest {@code keep}
     * batches of the model, in one transaction.
     */
    @Transactional
    public void append(String modelId, WindowBatch batch, int keep) {
        int inserted = em.createNativeQuery("INSERT INTO reference_window_batches (model_id, batch_id, batch_at, batch_rows, "
                        + "created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (model_id, batch_id) DO NOTHING")
                .setParameter(1, modelId).setParameter(2, batch.batchId()).setParameter(3, Timestamp.from(batch.at()))
                .setParameter(4, batch.rows()).setParameter(5, Timestamp.from(Instant.now())).executeUpdate();
        if (inserted == 1) {
            for (ColumnProfile p : batch.columns().values()) {
                em.createNativeQuery("INSERT INTO reference_window (model_id, batch_id, column_name, role, type, profile) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                        .setParameter(1, modelId).setParameter(2, batch.batchId()).setParameter(3, p.column())
                        .setParameter(4, p.role().wire()).setParameter(5, p.type())
                        .setParameter(6, p.toBytes()).executeUpdate();
            }
        }
        prune(modelId, keep);
    }

    private void prune(String modelId, int keep) {
        String kept = "SELECT batch_id FROM reference_window_batches WHERE model_id = ?1"
                + " ORDER BY batch_at DESC, batch_id COLLATE \"C\" DESC LIMIT ?2";
        em.createNativeQuery("DELETE FROM reference_window WHERE model_id = ?1 AND batch_id NOT IN (" + kept + ")")
                .setParameter(1, modelId).setParameter(2, keep).executeUpdate();
        em.createNativeQuery("DELETE FROM reference_window_batches WHERE model_id = ?1 AND batch_id NOT IN (" + kept + ")")
                .setParameter(1, modelId).setParameter(2, keep).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
