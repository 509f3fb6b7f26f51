package io.modeltrust.alert.report.store;

import io.modeltrust.alert.history.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Report schedules and generated reports in PostgreSQL (V8__reports.sql); every method runs on the caller's connection. */
@ApplicationScoped
public class ReportStore {

    /** A schedule: a model's report every {@code every} (ISO-8601), in a format, sent to a channel (may be null). */
    public record Schedule(String scheduleId, String modelId, String every, String format, String channelId,
                           Instant nextRunAt, Instant lastRunAt, Instant createdAt) {
    }

    /** A generated report's metadata; the API adds its download href. */
    public record Stored(String reportId, String modelId, String scheduleId, String trigger, Instant from, Instant to,
                         String format, String mediaType, int sizeBytes, int batches, int alerts, String summary,
                         Instant generatedAt) {
    }

    private static final String SCHEDULE_COLUMNS = "schedule_id::text, model_id, every, format, channel_id, next_run_at, "
            + "last_run_at, created_at";
    private static final String REPORT_COLUMNS = "report_id::text, model_id, schedule_id::text, run_trigger, period_from, "
            + "period_to, format, media_type, size_bytes, batches, alerts, summary, generated_at";

    public void insert(Connection c, Schedule s, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_schedules (schedule_id, model_id, every, format, "
                + "channel_id, next_run_at, created_at, created_by) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.scheduleId());
            ps.setString(2, s.modelId());
            ps.setString(3, s.every());
            ps.setString(4, s.format());
            ps.setString(5, s.channelId());
            Jdbc.setInstant(ps, 6, s.nextRunAt());
            Jdbc.setInstant(ps, 7, s.createdAt());
            ps.setString(8, actor);
            ps.executeUpdate();
        }
    }

    public List<Schedule> schedules(Connection c, String modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SCHEDULE_COLUMNS + " FROM report_schedules "
                + "WHERE (?::text IS NULL OR model_id = ?) ORDER BY created_at, schedule_id")) {
            ps.setString(1, modelId);
            ps.setString(2, modelId);
            return schedules(ps);
        }
    }

    public Schedule schedule(Connection c, String scheduleId, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SCHEDULE_COLUMNS + " FROM report_schedules "
                + "WHERE schedule_id = ?::uuid" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, scheduleId);
            List<Schedule> found = schedules(ps);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    /** The most overdue schedule that no other replica holds, locked until the caller's transaction ends; null if none. */
    public Schedule claimDue(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SCHEDULE_COLUMNS + " FROM report_schedules "
                + "WHERE next_run_at <= ? ORDER BY next_run_at, schedule_id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            Jdbc.setInstant(ps, 1, now);
            List<Schedule> found = schedules(ps);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    public void advance(Connection c, String scheduleId, Instant nextRunAt, Instant ranAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE report_schedules SET next_run_at = ?, last_run_at = ? WHERE schedule_id = ?::uuid")) {
            Jdbc.setInstant(ps, 1, nextRunAt);
            Jdbc.setInstant(ps, 2, ranAt);
            ps.setString(3, scheduleId);
            ps.executeUpdate();
        }
    }

    public boolean delete(Connection c, String scheduleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM report_schedules WHERE schedule_id = ?::uuid")) {
            ps.setString(1, scheduleId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Stores a report; false when this schedule's period is already stored (a second run of it makes nothing). */
    public boolean insert(Connection c, Stored r, byte[] body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reports (report_id, model_id, schedule_id, run_trigger, period_from, period_to, format, media_type,
                  size_bytes, batches, alerts, summary, generated_at, body)
                VALUES (?::uuid, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (schedule_id, period_to) WHERE run_trigger = 'schedule' DO NOTHING""")) {
            ps.setString(1, r.reportId());
            ps.setString(2, r.modelId());
            ps.setString(3, r.scheduleId());
            ps.setString(4, r.trigger());
            Jdbc.setInstant(ps, 5, r.from());
            Jdbc.setInstant(ps, 6, r.to());
            ps.setString(7, r.format());
            ps.setString(8, r.mediaType());
            ps.setInt(9, r.sizeBytes());
            ps.setInt(10, r.batches());
            ps.setInt(11, r.alerts());
            ps.setString(12, r.summary());
            Jdbc.setInstant(ps, 13, r.generatedAt());
            ps.setBytes(14, body);
            return ps.executeUpdate() == 1;
        }
    }

    public List<Stored> reports(Connection c, String modelId, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + REPORT_COLUMNS + " FROM reports WHERE model_id = ? "
                + "ORDER BY generated_at DESC, report_id LIMIT ? OFFSET ?")) {
            ps.setString(1, modelId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(stored(rs));
                }
            }
            return out;
        }
    }

    /** A stored report and its document, or null. */
    public record Document(Stored meta, byte[] body) {
    }

    public Document document(Connection c, String reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + REPORT_COLUMNS + ", body FROM reports WHERE report_id = ?::uuid")) {
            ps.setString(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Document(stored(rs), rs.getBytes("body")) : null;
            }
        }
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    private static List<Schedule> schedules(PreparedStatement ps) throws SQLException {
        List<Schedule> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Schedule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Jdbc.instant(rs, "next_run_at"), Jdbc.instant(rs, "last_run_at"), Jdbc.instant(rs, "created_at")));
            }
        }
        return out;
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, "period_from"),
                Jdbc.instant(rs, "period_to"), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                rs.getString(12), Jdbc.instant(rs, "generated_at"));
    }
}
