package io.modeltrust.alert.lifecycle;

import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.history.ReportLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Read side of alerts for the API. */
@ApplicationScoped
public class AlertQueries {

    /** Filters of GET /api/v1/alerts; null means any. {@code from}/{@code to} bound the opening time. */
    public record Filter(String modelId, String status, String severity, String kind, String rule, Instant from, Instant to,
                         int limit, int offset) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    ReportLinks links;
    @Inject
    AlertStore alerts;

    /** The open or acknowledged alerts per batch, for the batch list. */
    public record Brief(String alertId, String rule, String kind, String severity, String status, String subject) {
    }

    public List<AlertView> list(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT " + AlertStore.COLUMNS + " FROM alerts WHERE true");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "model_id = ?", f.modelId());
        condition(sql, args, "status = ?", f.status());
        condition(sql, args, "severity = ?", f.severity());
        condition(sql, args, "kind = ?", f.kind());
        condition(sql, args, "rule_id = ?", f.rule());
        condition(sql, args, "opened_at >= ?", f.from());
        condition(sql, args, "opened_at < ?", f.to());
        sql.append(" ORDER BY opened_at DESC, alert_id LIMIT ? OFFSET ?");
        args.add(f.limit());
        args.add(f.offset());
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Object a = args.get(i);
                    if (a instanceof Instant t) {
                        Jdbc.setInstant(ps, i + 1, t);
                    } else {
                        ps.setObject(i + 1, a);
                    }
                }
                return views(ps);
            }
        });
    }

    /** Alerts that breached in this batch, any status. */
    public List<AlertView> forBatch(String modelId, String batchId) {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT " + prefixed("a.") + " FROM alert_occurrences o JOIN alerts a "
                         + "ON a.alert_id = o.alert_id WHERE o.model_id = ? AND o.batch_id = ? ORDER BY a.opened_at")) {
                ps.setString(1, modelId);
                ps.setString(2, batchId);
                return views(ps);
            }
        });
    }

    /** Per batch id, the alerts still open or acknowledged that breached in it. */
    public java.util.Map<String, List<Brief>> openForBatches(String modelId, List<String> batchIds) {
        java.util.Map<String, List<Brief>> out = new java.util.HashMap<>();
        if (batchIds.isEmpty()) {
            return out;
        }
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT o.batch_id, a.alert_id, a.rule_id, a.kind, a.severity, "
                         + "a.status, a.subject FROM alert_occurrences o JOIN alerts a ON a.alert_id = o.alert_id "
                         + "WHERE o.model_id = ? AND o.batch_id = ANY(?) AND a.status <> 'resolved' ORDER BY a.opened_at")) {
                ps.setString(1, modelId);
                ps.setArray(2, Jdbc.textArray(c, batchIds));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String subject = rs.getString(7);
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Brief(rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                subject.isEmpty() ? null : subject));
                    }
                }
                return out;
            }
        });
    }

    public AlertView.Detail detail(String alertId) {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                AlertState a = alerts.find(c, alertId, false);
                if (a == null) {
                    throw new AlertNotFoundException(alertId);
                }
                List<AlertView.AuditEntry> audit = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT at, transition, from_status, to_status, actor, reason, "
                        + "batch_id FROM alert_audit WHERE alert_id = ?::uuid ORDER BY id")) {
                    ps.setString(1, alertId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            audit.add(new AlertView.AuditEntry(Jdbc.instant(rs, "at"), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                        }
                    }
                }
                List<AlertView.OccurrenceEntry> occurrences = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT batch_id, batch_at, value, recorded_at FROM "
                        + "alert_occurrences WHERE alert_id = ?::uuid ORDER BY batch_at, batch_id")) {
                    ps.setString(1, alertId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            occurrences.add(new AlertView.OccurrenceEntry(rs.getString(1), Jdbc.instant(rs, "batch_at"),
                                    Jdbc.getDouble(rs, "value"), Jdbc.instant(rs, "recorded_at")));
                        }
                    }
                }
                return new AlertView.Detail(view(a), audit, occurrences);
            }
        });
    }

    public AlertView view(AlertState a) {
        return AlertView.of(a, links.reportPath(a.modelId, a.batchId));
    }

    private List<AlertView> views(PreparedStatement ps) throws SQLException {
        List<AlertView> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(view(AlertStore.map(rs)));
            }
        }
        return out;
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }

    private static String prefixed(String prefix) {
        return prefix + AlertStore.COLUMNS.replace(", ", ", " + prefix);
    }
}
