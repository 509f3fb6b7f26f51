package io.modeltrust.alert.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modeltrust.alert.history.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Delivery status for GET /api/v1/notification-channels/deliveries; never a body, a secret or a URL's credentials. */
@ApplicationScoped
public class DeliveryQueries {

    /**
     * One delivery and how its attempts went: {@code kind} alert (one alert event) or digest (the held
     * notifications of an hour, each of which names it in {@code digestId}); {@code medium} webhook or email;
     * {@code note} why a row was suppressed or held, or which digest listed it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(long id, String channelId, String kind, String medium, String eventId, String alertId,
                           String modelId, String status, int attempts, Integer lastStatusCode, String lastError,
                           String note, Long digestId, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    /** The statuses a delivery can have, for the status filter. */
    public static final String[] STATUSES = {"pending", "delivered", "failed", "suppressed", "held", "digested"};

    @Inject
    DataSource dataSource;

    public List<Delivery> list(String channelId, String status, String alertId, int limit, int offset) {
        return Jdbc.call(() -> {
            List<Delivery> out = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    SELECT id, channel_id, event_id, alert_id::text, status, attempts, last_status_code, last_error, created_at,
                           next_attempt_at, delivered_at, kind, medium, model_id, note, digest_id
                    FROM webhook_deliveries
                    WHERE (?::text IS NULL OR channel_id = ?) AND (?::text IS NULL OR status = ?)
                      AND (?::uuid IS NULL OR alert_id = ?::uuid)
                    ORDER BY id DESC LIMIT ? OFFSET ?""")) {
                ps.setString(1, channelId);
                ps.setString(2, channelId);
                ps.setString(3, status);
                ps.setString(4, status);
                ps.setString(5, alertId);
                ps.setString(6, alertId);
                ps.setInt(7, limit);
                ps.setInt(8, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int code = rs.getInt(7);
                        Integer lastCode = rs.wasNull() ? null : code;
                        // Errors recorded before they were scrubbed may still name a URL with its credentials.
                        long digest = rs.getLong("digest_id");
                        Long digestId = rs.wasNull() ? null : digest;
                        out.add(new Delivery(rs.getLong(1), rs.getString(2), rs.getString("kind"), rs.getString("medium"),
                                rs.getString(3), rs.getString(4), rs.getString("model_id"), rs.getString(5), rs.getInt(6),
                                lastCode, UrlSecrets.scrub(rs.getString(8)), rs.getString("note"), digestId,
                                Jdbc.instant(rs, "created_at"),
                                "pending".equals(rs.getString(5)) ? Jdbc.instant(rs, "next_attempt_at") : null,
                                Jdbc.instant(rs, "delivered_at")));
                    }
                }
            }
            return out;
        });
    }
}
