package io.modeltrust.drift.stats;

import java.util.List;

/**
 * Drift decision for one production batch.
 *
 * @param features       one entry per feature, input order
 * @param driftedCount   features with {@code drifted}
 * @param driftShare     driftedCount / features.size() (0 when there are no features); untestable
 *                       features (an empty side) count in the denominator as not drifted
 * @param datasetDrift   driftShare >= config.datasetDriftShare() (false without features)
 * @param prediction     prediction drift, decided on its raw p-value; null when not supplied
 * @param label          label drift, decided on its raw p-value; null when not supplied
 */
public record DriftReport(List<ColumnDrift> features, int driftedCount, double driftShare, boolean datasetDrift,
                          ColumnDrift prediction, ColumnDrift label) {

    /**
     * @param comparison     the per-column comparison
     * @param decisionPValue the p-value compared with alpha: BH-adjusted across the batch's features
     *                       for features, the raw p-value for prediction and label; null when the
     *                       column was untestable
     * @param drifted        decisionPValue < alpha and psi >= psiThreshold
     */
    public record ColumnDrift(FeatureComparison comparison, Double decisionPValue, boolean drifted) {
    }
}
