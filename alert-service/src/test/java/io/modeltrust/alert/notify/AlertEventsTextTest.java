package io.modeltrust.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.lifecycle.AlertState;
import io.modeltrust.alert.lifecycle.AlertStatus;
import io.modeltrust.alert.lifecycle.ChangeLog;
import io.modeltrust.alert.lifecycle.Transition;
import io.modeltrust.alert.rules.Severity;
import io.modeltrust.model.event.AlertEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The webhook text cannot ping a Slack channel or show a disguised link, whatever the names in it. */
class AlertEventsTextTest {

    @Test
    void escapesSlacksControlCharacters() {
        assertEquals("a &amp; b &lt;!channel&gt; &lt;http://x|y&gt; &amp;amp;", SlackText.escape("a & b <!channel> <http://x|y> &amp;"));
        assertEquals("plain text, 0.5 | ok", SlackText.escape("plain text, 0.5 | ok"));
        assertNull(SlackText.escape(null));
    }

    @Test
    void everyInterpolatedValueIsEscaped() {
        AlertState a = new AlertState();
        a.alertId = "00000000-0000-0000-0000-000000000001";
        a.modelId = "credit<!channel>";
        a.ruleId = "fairness.<!here>";
        a.subject = "sex=<http://evil.example|click me>";
        a.subjects = List.of(a.subject, "age=<@U123>");
        a.kind = "fairness";
        a.severity = Severity.CRITICAL;
        a.status = AlertStatus.RESOLVED;
        a.metric = "disparateImpactRatio<b>";
        a.comparator = "lt";
        a.threshold = 0.8;
        a.value = 0.71;
        a.batchId = "b1&<!everyone>";
        a.explanation = "Approval rate for sex=<female> is 0.31 & falling";
        a.occurrences = 2;
        ChangeLog.Change change = new ChangeLog.Change(a, Transition.RESOLVED, AlertStatus.OPEN, "ops<!subteam^S1>",
                "fixed <http://x|here>", true, Instant.parse("2026-11-21T10:00:00Z"));
        AlertEvent event = AlertEvents.of(change, "https://monitoring.example.com/r?a=1&b=<2>");

        String text = AlertEvents.text(change, event, "https://monitoring.example.com/#/alerts/" + a.alertId);

        assertFalse(text.contains("<") || text.contains(">"), text);
        for (String escaped : List.of("credit&lt;!channel&gt;", "fairness.&lt;!here&gt;",
                "sex=&lt;http://evil.example|click me&gt; and 1 more", "disparateImpactRatio&lt;b&gt;",
                "batch b1&amp;&lt;!everyone&gt;", "sex=&lt;female&gt; is 0.31 &amp; falling",
                "Why: fixed &lt;http://x|here&gt; (by ops&lt;!subteam^S1&gt;)",
                "Report: https://monitoring.example.com/r?a=1&amp;b=&lt;2&gt; Alert: https://monitoring.example.com/#/alerts/")) {
            assertTrue(text.contains(escaped), escaped + " missing from: " + text);
        }
        // The event itself carries the values as they are; only the Slack text is escaped.
        assertEquals("credit<!channel>", event.modelId());
    }

    @Test
    void anEmailSaysTheSameUnescapedWithTheLinksOnLinesOfTheirOwn() {
        AlertState a = new AlertState();
        a.alertId = "00000000-0000-0000-0000-000000000002";
        a.modelId = "credit";
        a.ruleId = "drift.share";
        a.subjects = List.of();
        a.kind = "drift";
        a.severity = Severity.WARNING;
        a.status = AlertStatus.OPEN;
        a.metric = "driftShare";
        a.comparator = "gte";
        a.threshold = 0.3;
        a.value = 0.4;
        a.batchId = "b<1>";
        a.explanation = "Income & age drifted";
        a.occurrences = 1;
        ChangeLog.Change change = new ChangeLog.Change(a, Transition.OPENED, null, "system", "rule", true,
                Instant.parse("2026-11-21T10:00:00Z"));
        AlertEvent event = AlertEvents.of(change, "https://m.example.com/api/v1/models/credit/batches/b1/report");
        String page = "https://m.example.com/#/alerts/" + a.alertId;

        String text = AlertEvents.plainText(change, event, page);
        assertTrue(text.startsWith("[WARNING] credit: drift.share opened. Income & age drifted driftShare 0.4, gte 0.3, batch b<1>"), text);
        assertTrue(text.endsWith("\n\nReport: https://m.example.com/api/v1/models/credit/batches/b1/report\nAlert: " + page + "\n"), text);
        assertEquals("[WARNING] credit: drift.share opened", AlertEvents.subject(change, event));

        a.modelId = "credit\r\nBcc: evil@example.com";
        ChangeLog.Change injected = new ChangeLog.Change(a, Transition.OPENED, null, "system", "rule", true, change.at());
        String subject = AlertEvents.subject(injected, AlertEvents.of(injected, "https://m.example.com/r"));
        assertFalse(subject.contains("\r") || subject.contains("\n"), subject);
    }
}
