package io.modeltrust.alert.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.history.ReportLinks;
import io.modeltrust.alert.lifecycle.ChangeLog;
import io.modeltrust.alert.rules.Severity;
import io.modeltrust.model.Json;
import io.modeltrust.model.event.AlertEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Turns the transitions of a transaction into rows in the same transaction: one outbox event per
 * transition for monitoring.alerts, and one webhook delivery per paging transition and matching
 * channel. Nothing leaves the process here, so a failing broker or webhook cannot block the pipeline.
 */
@ApplicationScoped
public class Notifications {

    /** What was queued, for metrics and for waking the workers after commit. */
    public record Queued(int events, int deliveries) {
    }

    @Inject
    ReportLinks links;

    @Inject
    ChannelStore channels;

    public Queued record(Connection c, List<ChangeLog.Change> changes, Instant now) throws SQLException {
        if (changes.isEmpty()) {
            return new Queued(0, 0);
        }
        List<NotificationChannel> targets = null;
        int deliveries = 0;
        try (PreparedStatement outbox = c.prepareStatement(
                "INSERT INTO outbox (model_id, event_id, payload, created_at) VALUES (?, ?, ?, ?)");
             PreparedStatement delivery = c.prepareStatement("INSERT INTO webhook_deliveries (channel_id, event_id, alert_id, "
                     + "body, status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?::uuid, ?, 'pending', 0, ?, ?, ?)")) {
            for (ChangeLog.Change change : changes) {
                AlertEvent event = AlertEvents.of(change, links.report(change.alert().modelId, change.alert().batchId));
                outbox.setString(1, event.modelId());
                outbox.setString(2, event.eventId());
                outbox.setString(3, Json.toString(event));
                Jdbc.setInstant(outbox, 4, now);
                outbox.addBatch();
                if (!change.page()) {
                    continue;
                }
                if (targets == null) {
                    targets = channels.list(c);
                }
                String body = null;
                for (NotificationChannel ch : targets) {
                    if (!Boolean.TRUE.equals(ch.enabled()) || !change.alert().severity.atLeast(Severity.parse(ch.minSeverity()))) {
                        continue;
                    }
                    if (body == null) {
                        ObjectNode node = Json.MAPPER.createObjectNode();
                        String page = links.alertPage(event.alertId());
                        node.put("text", AlertEvents.text(change, event, page));
                        node.put("dashboardUrl", page);
                        node.set("alert", Json.MAPPER.valueToTree(event));
                        body = Json.toString(node);
                    }
                    delivery.setString(1, ch.id());
                    delivery.setString(2, event.eventId());
                    delivery.setString(3, event.alertId());
                    delivery.setString(4, body);
                    Jdbc.setInstant(delivery, 5, now);
                    Jdbc.setInstant(delivery, 6, now);
                    Jdbc.setInstant(delivery, 7, now);
                    delivery.addBatch();
                    deliveries++;
                }
            }
            outbox.executeBatch();
            if (deliveries > 0) {
                delivery.executeBatch();
            }
        }
        return new Queued(changes.size(), deliveries);
    }
}
