package io.modeltrust.service.deletion;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchPipeline;
import io.modeltrust.model.event.ControlEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deletions a service has received (table control_deletions, one row per control event) and the
 * purge of what they name. A deletion is first marked, then purged; purged_at says the purge
 * committed, and a mark without it (the service stopped in between) is purged again at startup.
 * Batches that ingest received before a model's deletion, or that were deleted themselves, are
 * dropped when they arrive late.
 */
@ApplicationScoped
public class Tombstones {

    /** First key of the advisory locks that keep a purge and the handling of a batch of its model apart. */
    static final int LOCK_CLASS = 7301;

    private final EntityManager em;
    private final DataSource dataSource;
    private final DeletionScope scope;
    /** Deletions whose caches this replica has emptied: another replica may have applied the event. */
    private final Set<String> evicted = ConcurrentHashMap.newKeySet();

    public Tombstones(EntityManager em, DataSource dataSource, DeletionScope scope) {
        this.em = em;
        this.dataSource = dataSource;
        this.scope = scope;
    }

    /**
     * Handles a batch while holding its model's advisory lock shared (on a connection of its own, as the
     * handler's transactions use others): a purge, which takes it exclusively, waits for the batch, and a
     * batch waits for a purge, whichever replica runs them. So no result of a deleted model is stored after
     * its purge, and the tombstone check inside sees every purge that committed before.
     */
    public void handleLocked(AssembledBatch batch, BatchPipeline.Handler handler) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            lock(c, "SELECT pg_advisory_lock_shared(?, hashtext(?))", batch.header().modelId());
            try {
                handler.handle(batch);
            } finally {
                lock(c, "SELECT pg_advisory_unlock_shared(?, hashtext(?))", batch.header().modelId());
            }
        }
    }

    private static void lock(Connection c, String sql, String modelId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, LOCK_CLASS);
            s.setString(2, modelId);
            s.execute();
        }
    }

    /** Records the event; false when it was recorded before (a redelivery, or the same event published twice). */
    @Transactional
    public boolean mark(ControlEvent event) {
        return em.createNativeQuery("INSERT INTO control_deletions (event_id, kind, model_id, batch_id, actor, "
                        + "deleted_at, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, event.eventId()).setParameter(2, event.kind().wire()).setParameter(3, event.modelId())
                .setParameter(4, event.batchId()).setParameter(5, event.actor()).setParameter(6, ts(event.at()))
                .setParameter(7, ts(Instant.now())).executeUpdate() == 1;
    }

    /**
     * Deletes the service's data of the event's model or batch and records that it did, in one
     * transaction; returns the rows deleted, or -1 when an earlier purge of this event committed: a
     * replayed event must not delete the data of a model registered again since.
     */
    @Transactional
    public int purge(ControlEvent event) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, hashtext(?2))").setParameter(1, LOCK_CLASS)
                .setParameter(2, event.modelId()).getSingleResult();
        int claimed = em.createNativeQuery("UPDATE control_deletions SET purged_at = ?2 WHERE event_id = ?1 "
                        + "AND purged_at IS NULL")
                .setParameter(1, event.eventId()).setParameter(2, ts(Instant.now())).executeUpdate();
        if (claimed == 0) {
            return -1;
        }
        int rows = 0;
        for (DeletionScope.DataTable table : scope.tables()) {
            if (event.wholeModel()) {
                rows += em.createNativeQuery("DELETE FROM " + table.name() + " WHERE model_id = ?1")
                        .setParameter(1, event.modelId()).executeUpdate();
            } else if (table.perBatch()) {
                rows += em.createNativeQuery("DELETE FROM " + table.name() + " WHERE model_id = ?1 AND batch_id = ?2")
                        .setParameter(1, event.modelId()).setParameter(2, event.batchId()).executeUpdate();
            }
        }
        return rows;
    }

    /** Empties the caches of the event's model in this replica. */
    public void evict(ControlEvent event) {
        scope.evict(event.modelId());
        evicted.add(event.eventId());
    }

    /** Marked deletions whose purge never committed, oldest first. */
    @Transactional
    public List<ControlEvent> unpurged() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, kind, model_id, batch_id, actor, deleted_at "
                + "FROM control_deletions WHERE purged_at IS NULL ORDER BY received_at").getResultList();
        return rows.stream().map(r -> new ControlEvent(ControlEvent.SCHEMA_VERSION, (String) r[0],
                ControlEvent.Kind.fromWire((String) r[1]), (String) r[2], (String) r[3], (String) r[4],
                instant(r[5]))).toList();
    }

    /**
     * Why this batch must be dropped, or empty: its model was deleted after ingest received it, or the
     * batch itself was deleted. Empties this replica's caches of a model that another replica deleted.
     */
    public Optional<String> dropReason(BatchHeader header) {
        Instant received = header.receivedAt() != null ? header.receivedAt() : header.at();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, kind, deleted_at FROM control_deletions "
                        + "WHERE model_id = ?1 AND (kind = 'model_deleted' OR batch_id = ?2)")
                .setParameter(1, header.modelId()).setParameter(2, header.batchId()).getResultList();
        String reason = null;
        for (Object[] row : rows) {
            boolean model = ControlEvent.Kind.MODEL_DELETED.wire().equals(row[1]);
            if (model && evicted.add((String) row[0])) {
                scope.evict(header.modelId());
            }
            if (!model) {
                reason = "batch " + header.batchId() + " was deleted";
            } else if (!instant(row[2]).isBefore(received)) {
                reason = "model " + header.modelId() + " was deleted after ingest received this batch";
            }
        }
        return Optional.ofNullable(reason);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
