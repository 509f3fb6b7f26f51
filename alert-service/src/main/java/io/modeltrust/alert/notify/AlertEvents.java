package io.modeltrust.alert.notify;

import io.modeltrust.alert.lifecycle.AlertState;
import io.modeltrust.alert.lifecycle.ChangeLog;
import io.modeltrust.alert.rules.Numbers;
import io.modeltrust.model.event.AlertEvent;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The docs/api.md alert event for a transition, and the texts webhook and email channels show for it. */
public final class AlertEvents {

    public static final int SCHEMA_VERSION = 1;

    private AlertEvents() {
    }

    public static AlertEvent of(ChangeLog.Change change, String reportUrl) {
        AlertState a = change.alert();
        return new AlertEvent(SCHEMA_VERSION, UUID.randomUUID().toString(), a.alertId, a.modelId, a.batchId, a.ruleId, a.kind,
                a.severity.id(), a.status.id(), a.shownSubject(), a.metric, a.value, a.threshold,
                a.explanation, change.at(), a.occurrences, reportUrl,
                a.subjects.isEmpty() ? null : List.copyOf(a.subjects));
    }

    /**
     * A Slack-compatible one-paragraph summary, ending with the report link and {@code dashboardUrl}, the
     * alert's page; every value in it is escaped ({@link SlackText}).
     */
    public static String text(ChangeLog.Change change, AlertEvent e, String dashboardUrl) {
        return summary(change, e, SlackText::escape) + " Report: " + SlackText.escape(e.reportUrl()) + " Alert: "
                + SlackText.escape(dashboardUrl);
    }

    /**
     * An email's plain-text body: the summary of {@link #text} as it is (mail clients do not read Slack
     * escapes), then the absolute links, each on a line of its own.
     */
    public static String plainText(ChangeLog.Change change, AlertEvent e, String dashboardUrl) {
        return summary(change, e, UnaryOperator.identity()) + "\n\nReport: " + e.reportUrl() + "\nAlert: " + dashboardUrl + "\n";
    }

    /** An email's subject, naming severity, model and rule: {@code [CRITICAL] credit: fairness.disparate-impact opened}. */
    public static String subject(ChangeLog.Change change, AlertEvent e) {
        return MailText.subject("[" + e.severity().toUpperCase(Locale.ROOT) + "] " + e.modelId() + ": " + e.rule() + " "
                + change.transition().name().toLowerCase(Locale.ROOT));
    }

    private static String summary(ChangeLog.Change change, AlertEvent e, UnaryOperator<String> esc) {
        AlertState a = change.alert();
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(esc.apply(e.severity().toUpperCase(Locale.ROOT))).append("] ").append(esc.apply(e.modelId()))
                .append(": ").append(esc.apply(e.rule()));
        if (e.subject() != null) {
            sb.append(" (").append(esc.apply(e.subject()));
            if (a.subjects.size() > 1) {
                sb.append(" and ").append(a.subjects.size() - 1).append(" more");
            }
            sb.append(')');
        }
        sb.append(' ').append(change.transition().name().toLowerCase(Locale.ROOT)).append(". ");
        if (e.explanation() != null) {
            sb.append(esc.apply(e.explanation())).append(' ');
        }
        sb.append(esc.apply(e.metric())).append(' ').append(e.value() == null ? "n/a" : Numbers.format(e.value())).append(", ")
                .append(esc.apply(a.comparator)).append(' ').append(Numbers.format(e.threshold())).append(", batch ")
                .append(esc.apply(e.batchId())).append(", ").append(e.occurrences())
                .append(e.occurrences() == 1 ? " occurrence" : " occurrences").append('.');
        if (change.reason() != null && change.transition().changesStatus()) {
            sb.append(" Why: ").append(esc.apply(change.reason())).append(" (by ").append(esc.apply(change.actor())).append(").");
        }
        return sb.toString();
    }
}
