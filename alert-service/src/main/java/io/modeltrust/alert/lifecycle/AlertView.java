package io.modeltrust.alert.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** An alert as the API shows it: the event's fields plus its lifecycle. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(String alertId, String modelId, String batchId, String rule, String kind, String severity,
                        String status, String subject, List<String> subjects, String metric, String path, String comparator,
                        Double value, Double threshold, String explanation, int occurrences, String firstBatchId,
                        Instant batchAt, Instant openedAt, Instant lastSeenAt, Instant acknowledgedAt, String acknowledgedBy,
                        Instant resolvedAt, String resolvedBy, String resolveReason, String reportUrl,
                        String previousAlertId) {

    public static AlertView of(AlertState a, String reportUrl) {
        return new AlertView(a.alertId, a.modelId, a.batchId, a.ruleId, a.kind, a.severity.id(), a.status.id(),
                a.shownSubject(), a.subjects.isEmpty() ? null : a.subjects, a.metric, a.series,
                a.comparator, a.value, a.threshold, a.explanation, a.occurrences, a.firstBatchId, a.batchAt, a.openedAt,
                a.lastSeenAt, a.acknowledgedAt, a.acknowledgedBy, a.resolvedAt, a.resolvedBy, a.resolveReason, reportUrl,
                a.previousAlertId);
    }

    /** One audited status change: who, why, and in which batch's context. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditEntry(Instant at, String transition, String fromStatus, String toStatus, String actor, String reason,
                             String batchId) {
    }

    /** A batch in which the alert's condition breached. */
    public record OccurrenceEntry(String batchId, Instant batchAt, Double value, Instant recordedAt) {
    }

    /** GET /api/v1/alerts/{alertId}. */
    public record Detail(AlertView alert, List<AuditEntry> audit, List<OccurrenceEntry> occurrences) {
    }
}
