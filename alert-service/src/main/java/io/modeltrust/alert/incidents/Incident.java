package io.modeltrust.alert.incidents;

import java.time.Instant;
import java.util.List;

/**
 * Alerts of one model whose batch spans overlap, across drift, performance, fairness and data quality,
 * with one explanation that links them. {@code incidentId} is the id of its earliest alert, so it stays
 * the same while later alerts join.
 *
 * @param from        batch time of the earliest alert's first batch
 * @param to          batch time of the latest batch any of its alerts breached in
 * @param status      open while any of its alerts is open or acknowledged, else resolved
 * @param severity    the highest severity among its alerts
 * @param kinds       the alert kinds it spans, in order of first appearance
 * @param explanation the linked story, clause by clause in batch order, from the stored results
 */
public record Incident(String incidentId, String modelId, Instant from, Instant to, String status, String severity,
                       List<String> kinds, String explanation, List<Member> alerts) {

    /** One alert of the incident. */
    public record Member(String alertId, String rule, String kind, String severity, String status, String subject,
                         String metric, String firstBatchId, String batchId, Instant from, Instant to) {
    }
}
