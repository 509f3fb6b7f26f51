package io.modeltrust.alert.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Due deliveries (webhook and email) claimed by one replica with a lease. The claim is one short statement, its
 * own transaction: the row is not held locked while the webhook is called, the lease keeps other
 * replicas off it, and once the lease runs out (the replica died mid-send) it is claimable again.
 */
public final class DeliveryClaims {

    /** One claimed delivery; {@code medium} is the channel type it was queued for (webhook or email). */
    public record Claimed(long id, String channelId, String eventId, String body, int attempts, String medium) {
    }

    /** What an attempt leaves on the row: status pending (a retry at {@code nextAttemptAt}), delivered or failed. */
    public record Attempt(String status, int attempts, Instant nextAttemptAt, Integer statusCode, String error) {
    }

    private static final String CLAIM = """
            UPDATE webhook_deliveries SET lease_owner = ?, lease_until = now() + ? * interval '1 millisecond'
            WHERE id IN (
              SELECT id FROM webhook_deliveries
              WHERE id IN (
                SELECT r.id FROM (
                  SELECT d.id, d.channel_id, d.next_attempt_at,
                         row_number() OVER (PARTITION BY d.channel_id ORDER BY d.next_attempt_at, d.id) AS n
                  FROM webhook_deliveries d
                  WHERE d.status = 'pending' AND d.next_attempt_at <= now()
                    AND (d.lease_until IS NULL OR d.lease_until <= now())) r
                LEFT JOIN unnest(?::text[], ?::int[]) AS busy(channel_id, room) ON busy.channel_id = r.channel_id
                WHERE r.n <= COALESCE(busy.room, ?)
                ORDER BY r.next_attempt_at, r.id LIMIT ?)
              AND status = 'pending' AND (lease_until IS NULL OR lease_until <= now())
              FOR UPDATE SKIP LOCKED)
            RETURNING id, channel_id, event_id, body, attempts, medium""";

    private DeliveryClaims() {
    }

    /** Claims up to {@code limit} due deliveries for {@code owner} until now + {@code lease}, the longest due first. */
    public static List<Claimed> claim(Connection c, String owner, Duration lease, int limit) throws SQLException {
        return claim(c, owner, lease, limit, limit, Map.of());
    }

    /**
     * As {@link #claim(Connection, String, Duration, int)}, at most {@code perChannel} of one channel, and
     * of a channel in {@code room} at most that many: a channel whose webhook is slow, with sends in
     * flight, then cannot take the claim from the others however many of its deliveries are due.
     */
    public static List<Claimed> claim(Connection c, String owner, Duration lease, int limit, int perChannel,
                                      Map<String, Integer> room) throws SQLException {
        List<Claimed> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, owner);
            ps.setLong(2, lease.toMillis());
            String[] channels = new String[room.size()];
            Integer[] rooms = new Integer[room.size()];
            int i = 0;
            for (Map.Entry<String, Integer> e : room.entrySet()) {
                channels[i] = e.getKey();
                rooms[i++] = e.getValue();
            }
            ps.setArray(3, c.createArrayOf("text", channels));
            ps.setArray(4, c.createArrayOf("int4", rooms));
            ps.setInt(5, perChannel);
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6)));
                }
            }
        }
        out.sort(Comparator.comparingLong(Claimed::id));
        return out;
    }

    /**
     * Records an attempt and ends the claim; false when {@code owner} no longer holds it (its lease ran
     * out and another replica took the delivery over), which then records its own attempt instead.
     */
    public static boolean finish(Connection c, String owner, long id, Attempt a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,
                  last_error = ?, updated_at = now(), delivered_at = CASE WHEN ? THEN now() ELSE delivered_at END,
                  lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND lease_owner = ?""")) {
            ps.setString(1, a.status());
            ps.setInt(2, a.attempts());
            ps.setTimestamp(3, Timestamp.from(a.nextAttemptAt()));
            if (a.statusCode() != null) {
                ps.setInt(4, a.statusCode());
            } else {
                ps.setNull(4, Types.INTEGER);
            }
            ps.setString(5, a.error());
            ps.setBoolean(6, "delivered".equals(a.status()));
            ps.setLong(7, id);
            ps.setString(8, owner);
            return ps.executeUpdate() == 1;
        }
    }

    /** When the next pending delivery is due, counting a claimed one as due when its lease ends; null when none is pending. */
    public static Instant nextDue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT min(GREATEST(next_attempt_at, COALESCE(lease_until, next_attempt_at)))
                FROM webhook_deliveries WHERE status = 'pending'""");
             ResultSet rs = ps.executeQuery()) {
            Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
            return t == null ? null : t.toInstant();
        }
    }
}
