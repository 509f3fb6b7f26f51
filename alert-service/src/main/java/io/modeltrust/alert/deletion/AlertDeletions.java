package io.modeltrust.alert.deletion;

import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.history.DictionaryCache;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.history.ResultEvent;
import io.modeltrust.model.event.ControlEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The deletions alert-service received (table control_deletions) and the purge of what they name. A
 * purge holds its model's advisory lock exclusively, and each poll of results holds the locks of its
 * models shared (lockAndFilter), so a result transaction either commits before a purge, which then
 * deletes its rows, or starts after it and sees the tombstone.
 */
@ApplicationScoped
public class AlertDeletions {

    /** First key of the advisory locks, as in the metric services. */
    static final int LOCK_CLASS = 7301;

    private final DataSource dataSource;
    private final DictionaryCache dictionaries;
    private final AlertConfig config;
    /** Deletions whose caches this replica has emptied: another replica may have applied the event. */
    private final Set<String> evicted = ConcurrentHashMap.newKeySet();

    public AlertDeletions(DataSource dataSource, DictionaryCache dictionaries, AlertConfig config) {
        this.dataSource = dataSource;
        this.dictionaries = dictionaries;
        this.config = config;
    }

    /** Records the event; false when it was recorded before. */
    @Transactional
    public boolean mark(ControlEvent event) {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO control_deletions (event_id, kind, model_id, batch_id, actor, deleted_at, received_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
                ps.setString(1, event.eventId());
                ps.setString(2, event.kind().wire());
                ps.setString(3, event.modelId());
                ps.setString(4, event.batchId());
                ps.setString(5, event.actor());
                Jdbc.setInstant(ps, 6, event.at());
                Jdbc.setInstant(ps, 7, Instant.now());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Deletes the model's or batch's rows and records that it did, in one transaction; returns the rows
     * deleted, or -1 when an earlier purge of this event committed (a replay must not touch a model
     * registered again since). Then empties the series dictionaries of the model.
     */
    @Transactional
    public long purge(ControlEvent event) {
        long rows = Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                    ps.setInt(1, LOCK_CLASS);
                    ps.setString(2, event.modelId());
                    ps.execute();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE control_deletions SET purged_at = ? WHERE event_id = ? AND purged_at IS NULL")) {
                    Jdbc.setInstant(ps, 1, Instant.now());
                    ps.setString(2, event.eventId());
                    if (ps.executeUpdate() == 0) {
                        return -1L;
                    }
                }
                long n = 0;
                for (PurgeSql.Step step : event.wholeModel() ? PurgeSql.MODEL : PurgeSql.BATCH) {
                    try (PreparedStatement ps = c.prepareStatement(step.sql())) {
                        for (int i = 0; i < step.binds().length(); i++) {
                            ps.setString(i + 1, step.binds().charAt(i) == 'm' ? event.modelId() : event.batchId());
                        }
                        n += ps.executeUpdate();
                    }
                }
                return n;
            }
        });
        evict(event.modelId(), event.eventId());
        return rows;
    }

    /** Marked deletions whose purge never committed, oldest first. */
    @Transactional
    public List<ControlEvent> unpurged() {
        return Jdbc.call(() -> {
            List<ControlEvent> out = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT event_id, kind, model_id, batch_id, actor, deleted_at FROM control_deletions "
                            + "WHERE purged_at IS NULL ORDER BY received_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ControlEvent(ControlEvent.SCHEMA_VERSION, rs.getString(1),
                            ControlEvent.Kind.fromWire(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), Jdbc.instant(rs, "deleted_at")));
                }
            }
            return out;
        });
    }

    /**
     * Takes the advisory locks of the poll's models (shared, in one order so two polls never deadlock) and
     * returns the events that may be stored: not those of a deleted batch, nor those of a deleted model
     * computed before its deletion plus alert.deleted-id-hold (ingest refuses the id until then, so a
     * result computed earlier belongs to the deleted model).
     */
    public List<ResultEvent> lockAndFilter(Connection c, List<ResultEvent> events) throws SQLException {
        Set<String> models = new TreeSet<>();
        events.forEach(e -> models.add(e.modelId()));
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock_shared(?, hashtext(?))")) {
            for (String m : models) {
                ps.setInt(1, LOCK_CLASS);
                ps.setString(2, m);
                ps.execute();
            }
        }
        Map<String, List<Object[]>> tombstones = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT model_id, event_id, kind, batch_id, deleted_at FROM control_deletions WHERE model_id = ANY(?)")) {
            ps.setArray(1, Jdbc.textArray(c, models));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tombstones.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[]{
                            rs.getString(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, "deleted_at")});
                }
            }
        }
        if (tombstones.isEmpty()) {
            return events;
        }
        tombstones.forEach((model, rows) -> rows.forEach(r -> evict(model, (String) r[0])));
        List<ResultEvent> kept = new ArrayList<>(events.size());
        for (ResultEvent e : events) {
            if (!deleted(e, tombstones.getOrDefault(e.modelId(), List.of()))) {
                kept.add(e);
            }
        }
        return kept;
    }

    private boolean deleted(ResultEvent e, List<Object[]> tombstones) {
        for (Object[] t : tombstones) {
            if (ControlEvent.Kind.BATCH_DELETED.wire().equals(t[1])) {
                if (e.batchId().equals(t[2])) {
                    return true;
                }
            } else {
                Instant free = ((Instant) t[3]).plus(config.deletedIdHold());
                if (e.computedAt() == null || e.computedAt().isBefore(free)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void evict(String modelId, String eventId) {
        if (evicted.add(eventId)) {
            dictionaries.evict(modelId);
        }
    }
}
