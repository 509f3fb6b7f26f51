package io.modeltrust.alert.report.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.history.ReportLinks;
import io.modeltrust.alert.incidents.Incident;
import io.modeltrust.alert.incidents.IncidentBuilder;
import io.modeltrust.alert.lifecycle.AlertStore;
import io.modeltrust.alert.lifecycle.AlertView;
import io.modeltrust.alert.lifecycle.RuleSets;
import io.modeltrust.alert.report.Period;
import io.modeltrust.alert.report.Report;
import io.modeltrust.alert.report.ReportInputs;
import io.modeltrust.alert.report.VectorTable;
import io.modeltrust.alert.rules.RuleDefinition;
import io.modeltrust.model.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads what a report is built from, in one connection and a handful of statements: the period's batches,
 * each kind's stored number vectors (one row per batch, not one result document), the newest result of each
 * kind, the alerts that breached in the period with their audit trails, and the rules. Whole result documents
 * are read only where the report quotes their text (explanations), and only for the batches it quotes.
 */
@ApplicationScoped
public class ReportSource {

    private final DataSource dataSource;
    private final RuleSets ruleSets;
    private final ReportLinks links;
    private final String softwareVersion;

    public ReportSource(DataSource dataSource, RuleSets ruleSets, ReportLinks links,
                        @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String softwareVersion) {
        this.dataSource = dataSource;
        this.ruleSets = ruleSets;
        this.links = links;
        this.softwareVersion = softwareVersion;
    }

    public ReportInputs read(String modelId, Period period, Instant generatedAt) {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!c.getAutoCommit()) {
                    return read(c, modelId, period, generatedAt); // a scheduled run's transaction: its snapshot
                }
                c.setAutoCommit(false); // one snapshot for every statement of the report
                try {
                    try (var st = c.createStatement()) {
                        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    }
                    return read(c, modelId, period, generatedAt);
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        });
    }

    private ReportInputs read(Connection c, String modelId, Period p, Instant generatedAt) throws SQLException {
        List<ReportInputs.Batch> batches = batches(c, modelId, p);
        VectorTable performance = vectors(c, modelId, "performance", p);
        VectorTable drift = vectors(c, modelId, "drift", p);
        VectorTable fairness = vectors(c, modelId, "fairness", p);
        Map<String, JsonNode> cache = new HashMap<>();
        ReportInputs.Payloads payloads = (batchId, kind) -> cache.computeIfAbsent(batchId + '\u0000' + kind,
                k -> Jdbc.call(() -> payload(c, modelId, batchId, kind)));
        List<AlertView> alerts = new ArrayList<>();
        Map<String, ReportInputs.Span> spans = new HashMap<>();
        alerts(c, modelId, p, alerts, spans);
        Map<String, List<Report.AuditStep>> audit = audit(c, alerts);
        Map<String, IncidentBuilder.BatchPlace> places = new HashMap<>();
        batches.forEach(b -> places.put(b.batchId(), new IncidentBuilder.BatchPlace(b.at(), (int) b.n())));
        List<Report.IncidentEntry> incidents = new ArrayList<>();
        for (Incident i : IncidentBuilder.build(modelId, alerts, places, payloads::result)) {
            incidents.add(new Report.IncidentEntry(i.incidentId(), i.from(), i.to(), i.status(), i.severity(), i.kinds(),
                    i.alerts().stream().map(Incident.Member::alertId).toList(), i.explanation()));
        }
        RuleSets.RuleSet rules = ruleSets.get(c, modelId);
        List<Report.RuleLine> lines = new ArrayList<>();
        for (RuleDefinition r : rules.rules()) {
            lines.add(new Report.RuleLine(r.id(), r.path(), r.comparator(), r.threshold() == null ? Double.NaN : r.threshold(),
                    r.severity(), r.enabled() == null || r.enabled(), r.description()));
        }
        return new ReportInputs(modelId, p.from(), p.to(), batches, performance, drift, fairness,
                newest(performance, payloads, "performance"), newest(drift, payloads, "drift"),
                newest(fairness, payloads, "fairness"), payloads, alerts, audit, spans, incidents,
                new ReportInputs.RuleSetInfo(rules.version(), rules.source(), lines), softwareVersion, generatedAt,
                Period.MAX_DAYS);
    }

    /** The period's batches oldest first, numbered by their position among all of the model's batches. */
    private static List<ReportInputs.Batch> batches(Connection c, String modelId, Period p) throws SQLException {
        List<ReportInputs.Batch> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT batch_id, batch_at, (SELECT count(*) FROM batches o WHERE o.model_id = ? AND o.batch_at < ?) AS before
                FROM batches WHERE model_id = ? AND batch_at >= ? AND batch_at < ? ORDER BY batch_at, batch_id""")) {
            ps.setString(1, modelId);
            Jdbc.setInstant(ps, 2, p.from());
            ps.setString(3, modelId);
            Jdbc.setInstant(ps, 4, p.from());
            Jdbc.setInstant(ps, 5, p.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReportInputs.Batch(rs.getString(1), Jdbc.instant(rs, "batch_at"), rs.getLong(3) + out.size() + 1));
                }
            }
        }
        return out;
    }

    private static VectorTable vectors(Connection c, String modelId, String kind, Period p) throws SQLException {
        Map<String, Integer> index = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT series, idx FROM series_keys WHERE model_id = ? AND kind = ?")) {
            ps.setString(1, modelId);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    index.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        List<String> ids = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT batch_id, batch_at, vals FROM result_vectors "
                + "WHERE model_id = ? AND kind = ? AND batch_at >= ? AND batch_at < ? ORDER BY batch_at, batch_id")) {
            ps.setString(1, modelId);
            ps.setString(2, kind);
            Jdbc.setInstant(ps, 3, p.from());
            Jdbc.setInstant(ps, 4, p.to());
            ps.setFetchSize(200);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    at.add(Jdbc.instant(rs, "batch_at"));
                    rows.add(Jdbc.doubles(rs, "vals"));
                }
            }
        }
        return new VectorTable(ids, at, index, rows.toArray(new double[0][]));
    }

    private static JsonNode newest(VectorTable t, ReportInputs.Payloads payloads, String kind) {
        return t.size() == 0 ? null : payloads.result(t.batchIds().get(t.size() - 1), kind);
    }

    private static JsonNode payload(Connection c, String modelId, String batchId, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM results WHERE model_id = ? AND batch_id = ? "
                + "AND kind = ? ORDER BY revision DESC LIMIT 1")) {
            ps.setString(1, modelId);
            ps.setString(2, batchId);
            ps.setString(3, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Json.fromString(rs.getString(1), JsonNode.class) : null;
            }
        }
    }

    /** Alerts with a breach in a batch of the period, and per alert the period's first and last breached batch. */
    private void alerts(Connection c, String modelId, Period p, List<AlertView> out, Map<String, ReportInputs.Span> spans)
            throws SQLException {
        String sql = "SELECT " + AlertStore.COLUMNS.replaceAll("(^|, )", "$1a.") + """
                , s.first_id, s.first_at, s.last_id, s.last_at, s.n
                FROM (SELECT alert_id, (array_agg(batch_id ORDER BY batch_at, batch_id))[1] AS first_id, min(batch_at) AS first_at,
                             (array_agg(batch_id ORDER BY batch_at DESC, batch_id DESC))[1] AS last_id, max(batch_at) AS last_at,
                             count(*) AS n
                      FROM alert_occurrences WHERE model_id = ? AND batch_at >= ? AND batch_at < ? GROUP BY alert_id) s
                JOIN alerts a ON a.alert_id = s.alert_id ORDER BY s.first_at, a.rule_id, a.alert_id""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, modelId);
            Jdbc.setInstant(ps, 2, p.from());
            Jdbc.setInstant(ps, 3, p.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var state = AlertStore.map(rs);
                    AlertView v = AlertView.of(state, links.reportPath(state.modelId, state.batchId));
                    out.add(v);
                    spans.put(v.alertId(), new ReportInputs.Span(rs.getString("first_id"), Jdbc.instant(rs, "first_at"),
                            rs.getString("last_id"), Jdbc.instant(rs, "last_at"), rs.getInt("n")));
                }
            }
        }
    }

    private static Map<String, List<Report.AuditStep>> audit(Connection c, List<AlertView> alerts) throws SQLException {
        Map<String, List<Report.AuditStep>> out = new HashMap<>();
        if (alerts.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT alert_id::text, at, transition, from_status, to_status, actor, "
                + "reason FROM alert_audit WHERE alert_id = ANY(?::uuid[]) ORDER BY alert_id, id")) {
            Array ids = Jdbc.textArray(c, alerts.stream().map(AlertView::alertId).toList());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Report.AuditStep(
                            Jdbc.instant(rs, "at"), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7)));
                }
            }
        }
        return out;
    }
}
