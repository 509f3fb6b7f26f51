package io.modeltrust.alert.lifecycle;

import io.modeltrust.alert.rules.BatchKey;
import io.modeltrust.alert.rules.Severity;
import java.time.Instant;
import java.util.List;

/**
 * One alert as stored: mutable while a transaction works on it. {@code batchId}/{@code batchAt} are
 * the newest batch that breached; {@code version} guards against a concurrent acknowledge or resolve.
 */
public final class AlertState {

    public String alertId;
    public String modelId;
    public String ruleId;
    public String subject = "";
    public String kind;
    public Severity severity;
    public AlertStatus status;
    public String metric;
    public String series;
    public String comparator;
    public double threshold;
    public Double value;
    public List<String> subjects = List.of();
    public String batchId;
    public Instant batchAt;
    public String firstBatchId;
    public String explanation;
    public int occurrences;
    public int clearCount;
    public Instant lastClearAt;
    public String lastClearBatchId;
    public Instant openedAt;
    public Instant lastSeenAt;
    public Instant acknowledgedAt;
    public String acknowledgedBy;
    public Instant resolvedAt;
    public String resolvedBy;
    public String resolveReason;
    /** Whether this episode paged the webhooks when it opened, so its resolution pages too. */
    public boolean notified;
    /** The resolved alert this one follows: it breached again after a person resolved that one. */
    public String previousAlertId;
    public int version;
    /** Not yet in the database. */
    public boolean isNew;

    public AlertKey key() {
        return new AlertKey(modelId, ruleId, subject);
    }

    public BatchKey breachKey() {
        return new BatchKey(batchAt, batchId);
    }

    public BatchKey clearKey() {
        return lastClearAt == null ? null : new BatchKey(lastClearAt, lastClearBatchId);
    }

    public AlertState copy() {
        AlertState c = new AlertState();
        c.alertId = alertId;
        c.modelId = modelId;
        c.ruleId = ruleId;
        c.subject = subject;
        c.kind = kind;
        c.severity = severity;
        c.status = status;
        c.metric = metric;
        c.series = series;
        c.comparator = comparator;
        c.threshold = threshold;
        c.value = value;
        c.subjects = subjects;
        c.batchId = batchId;
        c.batchAt = batchAt;
        c.firstBatchId = firstBatchId;
        c.explanation = explanation;
        c.occurrences = occurrences;
        c.clearCount = clearCount;
        c.lastClearAt = lastClearAt;
        c.lastClearBatchId = lastClearBatchId;
        c.openedAt = openedAt;
        c.lastSeenAt = lastSeenAt;
        c.acknowledgedAt = acknowledgedAt;
        c.acknowledgedBy = acknowledgedBy;
        c.resolvedAt = resolvedAt;
        c.resolvedBy = resolvedBy;
        c.resolveReason = resolveReason;
        c.notified = notified;
        c.previousAlertId = previousAlertId;
        c.version = version;
        c.isNew = isNew;
        return c;
    }

    /**
     * The subject clients see: the key's own, or for an alert that groups a batch's subjects (one
     * alert per rule and batch, key subject "") the first listed one, so that readers of the single
     * {@code subject} field still learn which feature is involved; {@code subjects} has them all.
     */
    public String shownSubject() {
        if (!subject.isEmpty()) {
            return subject;
        }
        return subjects.isEmpty() ? null : subjects.get(0);
    }
}
