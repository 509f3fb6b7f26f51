package io.modeltrust.alert.notify;

import io.modeltrust.alert.history.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The notification channel list, replaced as a whole by PUT. */
@ApplicationScoped
public class ChannelStore {

    public List<NotificationChannel> list(Connection c) throws SQLException {
        List<NotificationChannel> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT id, url, secret, min_severity, enabled FROM notification_channels ORDER BY position")) {
            while (rs.next()) {
                out.add(new NotificationChannel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)));
            }
        }
        return out;
    }

    public void replace(Connection c, List<NotificationChannel> channels, Instant now) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM notification_channels");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_channels "
                + "(id, position, url, secret, min_severity, enabled, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < channels.size(); i++) {
                NotificationChannel ch = channels.get(i);
                ps.setString(1, ch.id());
                ps.setInt(2, i);
                ps.setString(3, ch.url());
                ps.setString(4, ch.secret());
                ps.setString(5, ch.minSeverity());
                ps.setBoolean(6, ch.enabled());
                Jdbc.setInstant(ps, 7, now);
                ps.addBatch();
            }
            if (!channels.isEmpty()) {
                ps.executeBatch();
            }
        }
    }
}
