package io.modeltrust.alert.notify;

import io.modeltrust.alert.history.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Makes the digests of the hours that have ended: for each (channel, medium, model, hour) with held
 * notifications, one digest delivery listing them all, queued like any other delivery (so it is retried,
 * and sent by one replica), and the held rows marked {@code digested} with its id.
 * <p>
 * One replica makes digests at a time (a transaction-scoped advisory lock; the others skip the round),
 * and it locks the rows it lists ({@code FOR UPDATE SKIP LOCKED}) and marks them in the same transaction:
 * a held row is listed in exactly one digest, and no digest is made twice. A notification held by a
 * transaction that commits after its hour's digest was made (one that ran across the hour's end for
 * longer than the grace) goes out in a digest of its own a round later.
 */
public final class Digests {

    /** One digest queued. */
    public record Made(long deliveryId, String channelId, String modelId, Instant windowStart, int items) {
    }

    private record Group(String channelId, String medium, String modelId, Instant windowStart) {
    }

    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('modeltrust.alert.digest'))";
    private static final Duration HOUR = Duration.ofHours(1);

    private Digests() {
    }

    /**
     * Queues the digests of hours that ended at least {@code grace} before {@code now}, at most
     * {@code maxGroups} of them. Must run inside a transaction, which the lock lasts for.
     */
    public static List<Made> run(Connection c, Instant now, Duration grace, int maxGroups, DigestText text)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK); ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return List.of();
            }
        }
        List<Made> out = new ArrayList<>();
        for (Group g : groups(c, now.minus(HOUR).minus(grace), maxGroups)) {
            List<Long> ids = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, body FROM webhook_deliveries
                    WHERE status = 'held' AND channel_id = ? AND medium = ? AND model_id = ? AND window_start = ?
                    ORDER BY id FOR UPDATE SKIP LOCKED""")) {
                ps.setString(1, g.channelId());
                ps.setString(2, g.medium());
                ps.setString(3, g.modelId());
                Jdbc.setInstant(ps, 4, g.windowStart());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        bodies.add(rs.getString(2));
                    }
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            ChannelType medium = ChannelType.find(g.medium());
            Instant end = g.windowStart().plus(HOUR);
            String body = text.body(medium == null ? ChannelType.WEBHOOK : medium, g.modelId(), g.windowStart(), end, bodies);
            long digest = insertDigest(c, g, body, ids.size());
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE webhook_deliveries SET status = 'digested', digest_id = ?, updated_at = now(),
                      note = 'listed in digest delivery ' || ?
                    WHERE id = ANY(?) AND status = 'held'""")) {
                ps.setLong(1, digest);
                ps.setLong(2, digest);
                ps.setArray(3, c.createArrayOf("int8", ids.toArray()));
                ps.executeUpdate();
            }
            out.add(new Made(digest, g.channelId(), g.modelId(), g.windowStart(), ids.size()));
        }
        return out;
    }

    private static List<Group> groups(Connection c, Instant endedBy, int maxGroups) throws SQLException {
        List<Group> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT channel_id, medium, model_id, window_start FROM webhook_deliveries
                WHERE status = 'held' AND window_start <= ?
                GROUP BY channel_id, medium, model_id, window_start
                ORDER BY window_start, channel_id, model_id LIMIT ?""")) {
            Jdbc.setInstant(ps, 1, endedBy);
            ps.setInt(2, maxGroups);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Group(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "window_start")));
                }
            }
        }
        return out;
    }

    private static long insertDigest(Connection c, Group g, String body, int items) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_deliveries (channel_id, event_id, alert_id, body, status, attempts, next_attempt_at,
                  created_at, updated_at, medium, kind, model_id, window_start, note)
                VALUES (?, ?, NULL, ?, 'pending', 0, now(), now(), now(), ?, 'digest', ?, ?, ?) RETURNING id""")) {
            ps.setString(1, g.channelId());
            ps.setString(2, "digest-" + UUID.randomUUID());
            ps.setString(3, body);
            ps.setString(4, g.medium());
            ps.setString(5, g.modelId());
            Jdbc.setInstant(ps, 6, g.windowStart());
            ps.setString(7, "digest of " + items + " notification(s) held back in the hour from " + g.windowStart());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
