package io.modeltrust.alert.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.rules.Severity;
import io.modeltrust.model.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Alert rows, their occurrences and audit trail. Updates check the row version: see {@link ConcurrentAlertChangeException}. */
@ApplicationScoped
public class AlertStore {

    public static final String COLUMNS = "alert_id, model_id, rule_id, subject, kind, severity, status, metric, series, comparator, "
            + "threshold, value, subjects, batch_id, batch_at, first_batch_id, explanation, occurrences, clear_count, "
            + "last_clear_at, last_clear_batch_id, opened_at, last_seen_at, acknowledged_at, acknowledged_by, resolved_at, "
            + "resolved_by, resolve_reason, notified, previous_alert_id, version";
    /** Columns after alert_id, plus updated_at. */
    private static final int COLUMN_COUNT = COLUMNS.split(", ").length;

    /** The active alerts of these models and, per key, the last resolved one that breached at or after {@code resolvedSince}. */
    public List<AlertState> loadForModels(Connection c, Collection<String> modelIds, Instant resolvedSince) throws SQLException {
        List<AlertState> out = new ArrayList<>();
        if (modelIds.isEmpty()) {
            return out;
        }
        String sql = "SELECT " + COLUMNS + " FROM alerts WHERE model_id = ANY(?) AND status <> 'resolved' "
                + "UNION ALL (SELECT DISTINCT ON (model_id, rule_id, subject) " + COLUMNS + " FROM alerts "
                + "WHERE model_id = ANY(?) AND status = 'resolved' AND batch_at >= ? "
                + "ORDER BY model_id, rule_id, subject, batch_at DESC)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Jdbc.textArray(c, modelIds));
            ps.setArray(2, Jdbc.textArray(c, modelIds));
            Jdbc.setInstant(ps, 3, resolvedSince);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    public List<AlertState> activeForModel(Connection c, String modelId) throws SQLException {
        List<AlertState> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM alerts WHERE model_id = ? AND status <> 'resolved' FOR UPDATE")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    public AlertState find(Connection c, String alertId, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM alerts WHERE alert_id = ?::uuid" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    public boolean hasOccurrence(Connection c, String alertId, String batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM alert_occurrences WHERE alert_id = ?::uuid AND batch_id = ?")) {
            ps.setString(1, alertId);
            ps.setString(2, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Writes what the change log touched: alert rows, occurrences, and an audit row per status change. */
    public void save(Connection c, ChangeLog log, Instant now) throws SQLException {
        List<AlertState> inserts = new ArrayList<>();
        List<AlertState> updates = new ArrayList<>();
        for (AlertState a : log.touched()) {
            (a.isNew ? inserts : updates).add(a);
        }
        // Updates first: an alert resolved here frees its key for an alert opened later in the same transaction.
        if (!updates.isEmpty()) {
            String set = String.join(" = ?, ", COLUMNS.split(", ")) + " = ?";
            try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET " + set.replace("alert_id = ?", "alert_id = ?::uuid")
                    + ", updated_at = ? WHERE alert_id = ?::uuid AND version = ?")) {
                for (AlertState a : updates) {
                    a.version++;
                    bind(ps, a);
                    Jdbc.setInstant(ps, COLUMN_COUNT + 1, now);
                    ps.setString(COLUMN_COUNT + 2, a.alertId);
                    ps.setInt(COLUMN_COUNT + 3, a.version - 1);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        throw new ConcurrentAlertChangeException(updates.get(i).alertId);
                    }
                }
            }
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts (" + COLUMNS + ", updated_at) VALUES (?::uuid"
                    + ", ?".repeat(COLUMN_COUNT) + ")")) {
                for (AlertState a : inserts) {
                    a.version = 1;
                    bind(ps, a);
                    Jdbc.setInstant(ps, COLUMN_COUNT + 1, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            inserts.forEach(a -> a.isNew = false);
        }
        saveOccurrences(c, log.occurrences(), now);
        saveAudit(c, log.changes(), log.notes());
    }

    private static void saveOccurrences(Connection c, List<ChangeLog.Occurrence> occurrences, Instant now) throws SQLException {
        if (occurrences.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_occurrences (alert_id, model_id, batch_id, batch_at, "
                + "value, recorded_at) VALUES (?::uuid, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (ChangeLog.Occurrence o : occurrences) {
                ps.setString(1, o.alertId());
                ps.setString(2, o.modelId());
                ps.setString(3, o.batchId());
                Jdbc.setInstant(ps, 4, o.batchAt());
                Jdbc.setDouble(ps, 5, o.value());
                Jdbc.setInstant(ps, 6, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void saveAudit(Connection c, List<ChangeLog.Change> changes, List<ChangeLog.Note> notes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_audit (alert_id, at, transition, from_status, "
                + "to_status, actor, reason, batch_id) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (ChangeLog.Change ch : changes) {
                if (!ch.transition().changesStatus()) {
                    continue;
                }
                ps.setString(1, ch.alert().alertId);
                Jdbc.setInstant(ps, 2, ch.at());
                ps.setString(3, ch.transition().name().toLowerCase(java.util.Locale.ROOT));
                ps.setString(4, ch.from() == null ? null : ch.from().id());
                ps.setString(5, ch.alert().status.id());
                ps.setString(6, ch.actor());
                ps.setString(7, ch.reason());
                ps.setString(8, ch.alert().batchId);
                ps.addBatch();
                n++;
            }
            for (ChangeLog.Note note : notes) {
                ps.setString(1, note.alertId());
                Jdbc.setInstant(ps, 2, note.at());
                ps.setString(3, note.kind());
                ps.setString(4, note.status());
                ps.setString(5, note.status());
                ps.setString(6, note.actor());
                ps.setString(7, note.reason());
                ps.setString(8, note.batchId());
                ps.addBatch();
                n++;
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, AlertState a) throws SQLException {
        int i = 1;
        ps.setString(i++, a.alertId);
        ps.setString(i++, a.modelId);
        ps.setString(i++, a.ruleId);
        ps.setString(i++, a.subject);
        ps.setString(i++, a.kind);
        ps.setString(i++, a.severity.id());
        ps.setString(i++, a.status.id());
        ps.setString(i++, a.metric);
        ps.setString(i++, a.series);
        ps.setString(i++, a.comparator);
        ps.setDouble(i++, a.threshold);
        Jdbc.setDouble(ps, i++, a.value);
        ps.setString(i++, a.subjects.isEmpty() ? null : Json.toString(a.subjects));
        ps.setString(i++, a.batchId);
        Jdbc.setInstant(ps, i++, a.batchAt);
        ps.setString(i++, a.firstBatchId);
        ps.setString(i++, a.explanation);
        ps.setInt(i++, a.occurrences);
        ps.setInt(i++, a.clearCount);
        Jdbc.setInstant(ps, i++, a.lastClearAt);
        ps.setString(i++, a.lastClearBatchId);
        Jdbc.setInstant(ps, i++, a.openedAt);
        Jdbc.setInstant(ps, i++, a.lastSeenAt);
        Jdbc.setInstant(ps, i++, a.acknowledgedAt);
        ps.setString(i++, a.acknowledgedBy);
        Jdbc.setInstant(ps, i++, a.resolvedAt);
        ps.setString(i++, a.resolvedBy);
        ps.setString(i++, a.resolveReason);
        ps.setBoolean(i++, a.notified);
        ps.setString(i++, a.previousAlertId);
        ps.setInt(i, a.version);
    }

    public static AlertState map(ResultSet rs) throws SQLException {
        AlertState a = new AlertState();
        a.alertId = rs.getObject("alert_id", UUID.class).toString();
        a.modelId = rs.getString("model_id");
        a.ruleId = rs.getString("rule_id");
        a.subject = rs.getString("subject");
        a.kind = rs.getString("kind");
        a.severity = Severity.parse(rs.getString("severity"));
        a.status = AlertStatus.parse(rs.getString("status"));
        a.metric = rs.getString("metric");
        a.series = rs.getString("series");
        a.comparator = rs.getString("comparator");
        a.threshold = rs.getDouble("threshold");
        a.value = Jdbc.getDouble(rs, "value");
        a.subjects = subjects(rs.getString("subjects"));
        a.batchId = rs.getString("batch_id");
        a.batchAt = Jdbc.instant(rs, "batch_at");
        a.firstBatchId = rs.getString("first_batch_id");
        a.explanation = rs.getString("explanation");
        a.occurrences = rs.getInt("occurrences");
        a.clearCount = rs.getInt("clear_count");
        a.lastClearAt = Jdbc.instant(rs, "last_clear_at");
        a.lastClearBatchId = rs.getString("last_clear_batch_id");
        a.openedAt = Jdbc.instant(rs, "opened_at");
        a.lastSeenAt = Jdbc.instant(rs, "last_seen_at");
        a.acknowledgedAt = Jdbc.instant(rs, "acknowledged_at");
        a.acknowledgedBy = rs.getString("acknowledged_by");
        a.resolvedAt = Jdbc.instant(rs, "resolved_at");
        a.resolvedBy = rs.getString("resolved_by");
        a.resolveReason = rs.getString("resolve_reason");
        a.notified = rs.getBoolean("notified");
        a.previousAlertId = rs.getString("previous_alert_id");
        a.version = rs.getInt("version");
        return a;
    }

    private static List<String> subjects(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (IOException e) {
            return List.of();
        }
    }
}
