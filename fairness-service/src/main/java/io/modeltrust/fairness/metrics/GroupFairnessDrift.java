package io.modeltrust.fairness.metrics;

/**
 * Change of one group's figures since the baseline (reference data). A side where the group has
 * no rows gives nulls; every change is current - baseline, null when either side is null.
 */
public record GroupFairnessDrift(
        String group,
        Double baselineSelectionRate,
        Double selectionRate,
        Double selectionRateChange,
        Double baselineDisparateImpactRatio,
        Double disparateImpactRatio,
        Double disparateImpactRatioChange) {
}
