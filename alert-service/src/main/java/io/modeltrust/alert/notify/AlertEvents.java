package io.modeltrust.alert.notify;

import io.modeltrust.alert.lifecycle.AlertState;
import io.modeltrust.alert.lifecycle.ChangeLog;
import io.modeltrust.alert.rules.Numbers;
import io.modeltrust.model.event.AlertEvent;
import java.util.Locale;
import java.util.UUID;

/** The docs/api.md alert event for a transition, and the text webhook channels show for it. */
public final class AlertEvents {

    public static final int SCHEMA_VERSION = 1;

    private AlertEvents() {
    }

    public static AlertEvent of(ChangeLog.Change change, String reportUrl) {
        AlertState a = change.alert();
        return new AlertEvent(SCHEMA_VERSION, UUID.randomUUID().toString(), a.alertId, a.modelId, a.batchId, a.ruleId, a.kind,
                a.severity.id(), a.status.id(), a.shownSubject(), a.metric, a.value, a.threshold,
                a.explanation, change.at(), a.occurrences, reportUrl);
    }

    /**
     * A Slack-compatible one-paragraph summary, ending with the report link and {@code dashboardUrl}, the
     * alert's page; every value in it is escaped ({@link SlackText}).
     */
    public static String text(ChangeLog.Change change, AlertEvent e, String dashboardUrl) {
        AlertState a = change.alert();
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(esc(e.severity().toUpperCase(Locale.ROOT))).append("] ").append(esc(e.modelId())).append(": ")
                .append(esc(e.rule()));
        if (e.subject() != null) {
            sb.append(" (").append(esc(e.subject()));
            if (a.subjects.size() > 1) {
                sb.append(" and ").append(a.subjects.size() - 1).append(" more");
            }
            sb.append(')');
        }
        sb.append(' ').append(change.transition().name().toLowerCase(Locale.ROOT)).append(". ");
        if (e.explanation() != null) {
            sb.append(esc(e.explanation())).append(' ');
        }
        sb.append(esc(e.metric())).append(' ').append(e.value() == null ? "n/a" : Numbers.format(e.value())).append(", ")
                .append(esc(a.comparator)).append(' ').append(Numbers.format(e.threshold())).append(", batch ")
                .append(esc(e.batchId())).append(", ").append(e.occurrences())
                .append(e.occurrences() == 1 ? " occurrence" : " occurrences").append('.');
        if (change.reason() != null && change.transition().changesStatus()) {
            sb.append(" Why: ").append(esc(change.reason())).append(" (by ").append(esc(change.actor())).append(").");
        }
        return sb.append(" Report: ").append(esc(e.reportUrl())).append(" Alert: ").append(esc(dashboardUrl)).toString();
    }

    private static String esc(String s) {
        return SlackText.escape(s);
    }
}
