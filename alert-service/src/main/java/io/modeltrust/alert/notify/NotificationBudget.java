package io.modeltrust.alert.notify;

import io.modeltrust.alert.history.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the notifications a transaction owes its channels into delivery rows, within two limits:
 * <ul>
 * <li>one notification per (channel, model, rule, batch, alert status): a second alert event of the same
 *     rule and batch (another subject of a per-subject rule, say) is stored as {@code suppressed} and not
 *     sent. The status is part of it so that the resolution of an alert still goes out after its opening;</li>
 * <li>at most {@code maxPerModelPerHour} sent to one channel for one model in one clock hour (UTC); the
 *     ones beyond are stored as {@code held} and go out together in the digest of that hour ({@link Digests}).</li>
 * </ul>
 * The first is a unique index (insert or nothing), so it holds whoever inserts at once. The count of the
 * second is taken under a transaction-scoped advisory lock per (channel, model), taken in one order by
 * every transaction, so two transactions cannot both see room for the last notification of an hour.
 */
public final class NotificationBudget {

    /** A notification a channel is to get: the delivery row it becomes once the budget has set its status. */
    public record Candidate(String channelId, ChannelType medium, String modelId, String ruleId, String batchId,
                            String alertStatus, String alertId, String eventId, String body) {
    }

    /** How many rows went out as pending deliveries, were suppressed as duplicates, and were held for the digest. */
    public record Outcome(int queued, int duplicates, int held) {
        public static final Outcome NONE = new Outcome(0, 0, 0);
    }

    /** The advisory lock class of the budget's (channel, model) locks. */
    private static final int LOCK_CLASS = 0x6d746e62;

    private static final String INSERT = """
            INSERT INTO webhook_deliveries (channel_id, event_id, alert_id, body, status, attempts, next_attempt_at,
              created_at, updated_at, medium, kind, model_id, rule_id, batch_id, budget_key, window_start, note)
            VALUES (?, ?, ?::uuid, ?, ?, 0, ?, ?, ?, ?, 'alert', ?, ?, ?, ?, ?, ?)
            ON CONFLICT (budget_key) DO NOTHING RETURNING id""";

    private final int maxPerModelPerHour;

    /** @param maxPerModelPerHour 0 or less: no hourly limit */
    public NotificationBudget(int maxPerModelPerHour) {
        this.maxPerModelPerHour = maxPerModelPerHour;
    }

    /** Writes one delivery row per candidate, in the caller's transaction. */
    public Outcome record(Connection c, List<Candidate> candidates, Instant now) throws SQLException {
        if (candidates.isEmpty()) {
            return Outcome.NONE;
        }
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        lock(c, candidates);
        Map<String, Integer> sent = new HashMap<>();
        int queued = 0;
        int duplicates = 0;
        int held = 0;
        for (Candidate d : candidates) {
            String group = group(d);
            Integer n = sent.get(group);
            if (n == null) {
                n = sentIn(c, d.channelId(), d.modelId(), window);
            }
            boolean hold = maxPerModelPerHour > 0 && n >= maxPerModelPerHour;
            String key = key(d);
            String note = hold ? "over the limit of " + maxPerModelPerHour + " notifications per hour for model "
                    + d.modelId() + ": listed in the digest sent when the hour ends (" + window.plus(1, ChronoUnit.HOURS) + ")"
                    : null;
            Long id = insert(c, d, hold ? "held" : "pending", key, window, note, now);
            if (id == null) {
                insert(c, d, "suppressed", null, null, "rule " + d.ruleId() + " already notified this channel of batch "
                        + d.batchId() + " (" + d.alertStatus() + "; delivery " + existing(c, key) + ")", now);
                duplicates++;
            } else if (hold) {
                held++;
            } else {
                queued++;
                n++;
            }
            sent.put(group, n);
        }
        return new Outcome(queued, duplicates, held);
    }

    /** Locks every (channel, model) of the candidates, in ascending key order so that no two transactions deadlock. */
    private static void lock(Connection c, List<Candidate> candidates) throws SQLException {
        TreeSet<Integer> keys = new TreeSet<>();
        candidates.forEach(d -> keys.add(group(d).hashCode()));
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            for (int key : keys) {
                ps.setInt(1, LOCK_CLASS);
                ps.setInt(2, key);
                ps.executeQuery().close();
            }
        }
    }

    private static int sentIn(Connection c, String channelId, String modelId, Instant window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM webhook_deliveries
                WHERE channel_id = ? AND model_id = ? AND window_start = ? AND kind = 'alert'
                  AND status IN ('pending', 'delivered', 'failed')""")) {
            ps.setString(1, channelId);
            ps.setString(2, modelId);
            Jdbc.setInstant(ps, 3, window);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The new row's id, or null when {@code key} is already taken. */
    private static Long insert(Connection c, Candidate d, String status, String key, Instant window, String note, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, d.channelId());
            ps.setString(2, d.eventId());
            ps.setString(3, d.alertId());
            ps.setString(4, d.body());
            ps.setString(5, status);
            Jdbc.setInstant(ps, 6, now);
            Jdbc.setInstant(ps, 7, now);
            Jdbc.setInstant(ps, 8, now);
            ps.setString(9, d.medium().id());
            ps.setString(10, d.modelId());
            ps.setString(11, d.ruleId());
            ps.setString(12, d.batchId());
            ps.setString(13, key);
            Jdbc.setInstant(ps, 14, window);
            ps.setString(15, note);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static Long existing(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM webhook_deliveries WHERE budget_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static String group(Candidate d) {
        return d.channelId() + '\u0000' + d.modelId();
    }

    /** SHA-256 of the length-prefixed parts: unambiguous whatever characters the ids hold, and of fixed size. */
    static String key(Candidate d) {
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {d.channelId(), d.modelId(), d.ruleId(), d.batchId(), d.alertStatus()}) {
            String p = part == null ? "" : part;
            s.append(p.length()).append(':').append(p).append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
