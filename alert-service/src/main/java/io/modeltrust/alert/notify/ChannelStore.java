package io.modeltrust.alert.notify;

import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.rules.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The notification channels: one table, read in list order. The bulk PUT replaces the whole table
 * (after locking it, so a channel added one at a time meanwhile cannot survive next to the new list);
 * POST appends a channel, PUT and DELETE of one channel change only that row.
 */
@ApplicationScoped
public class ChannelStore {

    private static final String COLUMNS = "id, type, url, secret, email_to, min_severity, model_ids, kinds, enabled";

    public List<NotificationChannel> list(Connection c) throws SQLException {
        List<NotificationChannel> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM notification_channels ORDER BY position, id")) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    /** The channel, or null; {@code forUpdate} locks its row until the transaction ends. */
    public NotificationChannel find(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM notification_channels WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /** Appends a channel after the others. */
    public void insert(Connection c, NotificationChannel ch, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_channels (id, type, url, secret, email_to, "
                + "min_severity, model_ids, kinds, enabled, updated_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "(SELECT COALESCE(max(position) + 1, 0) FROM notification_channels))")) {
            bind(c, ps, ch, now);
            ps.executeUpdate();
        }
    }

    /** Replaces one channel's settings; false when there is no such channel. */
    public boolean update(Connection c, NotificationChannel ch, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notification_channels SET id = ?, type = ?, url = ?, "
                + "secret = ?, email_to = ?, min_severity = ?, model_ids = ?, kinds = ?, enabled = ?, updated_at = ? WHERE id = ?")) {
            bind(c, ps, ch, now);
            ps.setString(11, ch.id());
            return ps.executeUpdate() == 1;
        }
    }

    /** Deletes a channel; false when there was none. Its deliveries still pending fail when claimed. */
    public boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM notification_channels WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Locks the table against other writers (readers go on) until the transaction ends: the bulk PUT
     * takes it before reading the stored channels it validates against and replaces.
     */
    public void lockForReplace(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE notification_channels IN EXCLUSIVE MODE");
        }
    }

    public void replace(Connection c, List<NotificationChannel> channels, Instant now) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM notification_channels");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_channels (id, type, url, secret, email_to, "
                + "min_severity, model_ids, kinds, enabled, updated_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < channels.size(); i++) {
                bind(c, ps, channels.get(i), now);
                ps.setInt(11, i);
                ps.addBatch();
            }
            if (!channels.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    private static void bind(Connection c, PreparedStatement ps, NotificationChannel ch, Instant now) throws SQLException {
        ps.setString(1, ch.id());
        ps.setString(2, ch.type().id());
        ps.setString(3, ch.url());
        ps.setString(4, ch.secret());
        ps.setArray(5, ch.type() == ChannelType.EMAIL ? Jdbc.textArray(c, ch.to()) : null);
        ps.setString(6, ch.filter().minSeverity().id());
        ps.setArray(7, Jdbc.textArray(c, ch.filter().modelIds()));
        ps.setArray(8, Jdbc.textArray(c, ch.filter().kinds()));
        ps.setBoolean(9, ch.enabled());
        Jdbc.setInstant(ps, 10, now);
    }

    private static NotificationChannel read(ResultSet rs) throws SQLException {
        ChannelType type = ChannelType.find(rs.getString("type"));
        ChannelFilter filter = new ChannelFilter(strings(rs.getArray("model_ids")), Severity.parse(rs.getString("min_severity")),
                strings(rs.getArray("kinds")));
        return new NotificationChannel(rs.getString("id"), type == null ? ChannelType.WEBHOOK : type, rs.getString("url"),
                rs.getString("secret"), strings(rs.getArray("email_to")), filter, rs.getBoolean("enabled"));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
