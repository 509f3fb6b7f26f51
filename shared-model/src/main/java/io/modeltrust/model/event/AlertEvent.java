package io.modeltrust.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An alert state change on monitoring.alerts (docs/api.md). {@code kind} is drift, performance,
 * fairness, data_quality or retraining; {@code severity} info, warning or critical; {@code status}
 * open, acknowledged or resolved. {@code subjects} lists every subject of an alert that groups a batch's
 * findings (a wildcard rule's features); {@code subject} is then its first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertEvent(
        int schemaVersion,
        String eventId,
        String alertId,
        String modelId,
        String batchId,
        String rule,
        String kind,
        String severity,
        String status,
        String subject,
        String metric,
        Double value,
        Double threshold,
        String explanation,
        Instant occurredAt,
        Integer occurrences,
        String reportUrl,
        List<String> subjects) {
}
