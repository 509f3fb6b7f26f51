package io.modeltrust.alert.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.lifecycle.AlertView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a report is built from, all read from the stored history: the period's batches, each kind's number
 * vectors, the newest stored result of each kind, the alerts that breached in the period with their audit
 * trails, and the rules in force. {@code payloads} reads further stored results (the drift result of a
 * feature's last drifted batch, for its explanation) only when the builder asks.
 */
public record ReportInputs(String modelId, Instant from, Instant to, List<Batch> batches, VectorTable performance,
                           VectorTable drift, VectorTable fairness, JsonNode latestPerformance, JsonNode latestDrift,
                           JsonNode latestFairness, Payloads payloads, List<AlertView> alerts,
                           Map<String, List<Report.AuditStep>> audit, Map<String, Span> spans,
                           List<Report.IncidentEntry> incidents, RuleSetInfo rules, String softwareVersion,
                           Instant generatedAt, int maxPeriodDays) {

    /** A stored batch of the period: id, time, position among the model's batches. */
    public record Batch(String batchId, Instant at, long n) {
    }

    /** The first and last batch of the period in which an alert breached, and how many breaches it had there. */
    public record Span(String firstBatchId, Instant firstAt, String lastBatchId, Instant lastAt, int occurrences) {
    }

    /** The model's rule set: its version (0 = the defaults, never stored) and its rules. */
    public record RuleSetInfo(int version, String source, List<Report.RuleLine> rules) {
    }

    /** A stored result of one batch and kind, latest revision; null when absent. */
    @FunctionalInterface
    public interface Payloads {
        JsonNode result(String batchId, String kind);
    }
}
