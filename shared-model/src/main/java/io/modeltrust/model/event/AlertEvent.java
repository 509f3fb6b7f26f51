package io.modeltrust.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An alert state change on monitoring.alerts (docs/api.md). {@code kind} is drift, performance,
 * fairness, data_quality or retraining; {@code severity} info, warning or critical; {@code status}
 * open, acknowledged or resolved.
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
        String reportUrl) {
}
