package io.modeltrust.alert.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Outbox events claimed by one replica with a lease, in the caller's transaction, so that replicas on
 * one database never publish the same event (short of a replica that stalls beyond its lease).
 * Claims are taken one at a time (a transaction-scoped advisory lock) and skip every model with an
 * event another replica holds: a model's events therefore still reach Kafka in commit order,
 * as no replica can publish a later event of a model while another has yet to publish an earlier one.
 */
public final class OutboxClaims {

    /** One claimed event. */
    public record Event(long id, String modelId, String payload) {
    }

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('modeltrust.alert.outbox-claim'))";
    private static final String CLAIM = """
            UPDATE outbox SET lease_owner = ?, lease_until = now() + ? * interval '1 millisecond'
            WHERE id IN (
              SELECT id FROM outbox
              WHERE (lease_until IS NULL OR lease_until <= now() OR lease_owner = ?)
                AND model_id NOT IN (SELECT model_id FROM outbox WHERE lease_until > now() AND lease_owner <> ?)
              ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, model_id, payload""";

    private OutboxClaims() {
    }

    /**
     * Claims up to {@code limit} events for {@code owner} until now + {@code lease}, oldest first.
     * Must run inside a transaction: the advisory lock that orders the claims lasts until its commit.
     */
    public static List<Event> claim(Connection c, String owner, Duration lease, int limit) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.execute();
        }
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, owner);
            ps.setLong(2, lease.toMillis());
            ps.setString(3, owner);
            ps.setString(4, owner);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        out.sort(Comparator.comparingLong(Event::id));
        return out;
    }

    /** Deletes published events, whoever holds them now: a second publication of them would only repeat the first. */
    public static int delete(Connection c, List<Event> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("int8", events.stream().map(Event::id).toArray(Long[]::new)));
            return ps.executeUpdate();
        }
    }
}
