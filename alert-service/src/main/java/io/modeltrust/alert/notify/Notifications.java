package io.modeltrust.alert.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.history.ReportLinks;
import io.modeltrust.alert.lifecycle.AlertState;
import io.modeltrust.alert.lifecycle.ChangeLog;
import io.modeltrust.model.Json;
import io.modeltrust.model.event.AlertEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the transitions of a transaction into rows in the same transaction: one outbox event per
 * transition for monitoring.alerts, and for each paging transition a delivery row per enabled channel
 * whose filter it passes, within the notification budget ({@link NotificationBudget}). Nothing leaves
 * the process here, so a failing broker, webhook or mail server cannot block the pipeline.
 */
@ApplicationScoped
public class Notifications {

    /** What was queued, for metrics and for waking the workers after commit. */
    public record Queued(int events, int deliveries) {
    }

    private final ReportLinks links;
    private final ChannelStore channels;
    private final NotificationBudget budget;
    private final MeterRegistry registry;

    public Notifications(ReportLinks links, ChannelStore channels, AlertConfig config, MeterRegistry registry) {
        this.links = links;
        this.channels = channels;
        this.budget = new NotificationBudget(config.notification().maxPerModelPerHour());
        this.registry = registry;
    }

    public Queued record(Connection c, List<ChangeLog.Change> changes, Instant now) throws SQLException {
        if (changes.isEmpty()) {
            return new Queued(0, 0);
        }
        List<NotificationChannel> targets = null;
        List<NotificationBudget.Candidate> candidates = new ArrayList<>();
        try (PreparedStatement outbox = c.prepareStatement(
                "INSERT INTO outbox (model_id, event_id, payload, created_at) VALUES (?, ?, ?, ?)")) {
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
                addCandidates(change, event, targets, candidates);
            }
            outbox.executeBatch();
        }
        NotificationBudget.Outcome o = budget.record(c, candidates, now);
        count("queued", o.queued());
        count("duplicate", o.duplicates());
        count("held", o.held());
        return new Queued(changes.size(), o.queued());
    }

    private void addCandidates(ChangeLog.Change change, AlertEvent event, List<NotificationChannel> targets,
                               List<NotificationBudget.Candidate> out) {
        AlertState a = change.alert();
        String page = links.alertPage(event.alertId());
        String webhookBody = null;
        String emailBody = null;
        for (NotificationChannel ch : targets) {
            if (!ch.enabled() || !ch.filter().matches(a.modelId, a.severity, a.kind)) {
                continue;
            }
            String body;
            if (ch.type() == ChannelType.EMAIL) {
                body = emailBody = emailBody != null ? emailBody : emailBody(change, event, page);
            } else {
                body = webhookBody = webhookBody != null ? webhookBody : webhookBody(change, event, page);
            }
            out.add(new NotificationBudget.Candidate(ch.id(), ch.type(), event.modelId(), event.rule(), event.batchId(),
                    event.status(), event.alertId(), event.eventId(), body));
        }
    }

    private static String webhookBody(ChangeLog.Change change, AlertEvent event, String page) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("text", AlertEvents.text(change, event, page));
        node.put("dashboardUrl", page);
        node.set("alert", Json.MAPPER.valueToTree(event));
        return Json.toString(node);
    }

    /** What an email delivery sends, with the event for a digest to list. */
    private static String emailBody(ChangeLog.Change change, AlertEvent event, String page) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("subject", AlertEvents.subject(change, event));
        node.put("text", AlertEvents.plainText(change, event, page));
        node.put("dashboardUrl", page);
        node.set("alert", Json.MAPPER.valueToTree(event));
        return Json.toString(node);
    }

    private void count(String outcome, int n) {
        if (n > 0) {
            registry.counter("alert.notifications", "outcome", outcome).increment(n);
        }
    }
}
