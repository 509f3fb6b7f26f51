package io.modeltrust.alert.rules;

import java.util.List;

/**
 * A rule's verdict on one subject of one result. {@code breach} is the comparison on this batch
 * alone (with significance when required); {@code persisted} adds the rule's persistence over
 * earlier batches. {@code window} holds the earlier values that made it persist, oldest first.
 * {@code severity} is what the breach is worth: the rule's, or {@code info} for a fairness difference
 * that is not significant or that favours the group ({@link FairnessVerdict}); null when it does not breach.
 */
public record Finding(MetricPath path, String subject, double value, Boolean significant, boolean breach,
                      boolean persisted, List<WindowValue> window, Severity severity) {

    public record WindowValue(String batchId, double value) {
    }
}
