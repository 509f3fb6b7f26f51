package io.modeltrust.performance.metrics;

/**
 * A slice that did worse on the batch than on the reference.
 *
 * @param feature        feature name
 * @param slice          slice label
 * @param batchRows      rows of the slice in the batch
 * @param batchValue     accuracy or MAE of the slice in the batch
 * @param referenceRows  rows of the slice in the reference
 * @param referenceValue accuracy or MAE of the slice in the reference
 * @param change         batchValue − referenceValue (negative for an accuracy drop, positive for an MAE rise)
 */
public record SliceFinding(String feature, String slice, long batchRows, double batchValue,
                           long referenceRows, double referenceValue, double change) {
}
