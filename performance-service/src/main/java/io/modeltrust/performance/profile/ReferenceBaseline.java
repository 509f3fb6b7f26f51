package io.modeltrust.performance.profile;

import io.modeltrust.performance.metrics.IsotonicCalibration;
import io.modeltrust.performance.metrics.ReferenceSlices;
import io.modeltrust.performance.rows.SliceSchema;
import java.util.Map;

/**
 * What a production batch is compared with: the realised metrics of the labelled reference rows,
 * how features are sliced, every reference slice's accuracy (regression: MAE), and how scores are
 * calibrated for the estimate. Computed once per reference version and stored as JSON.
 *
 * @param metrics         realised metrics by METRICS.md name; empty when the reference has no labels
 * @param slices          reference slice figures, null when the reference has no labels
 * @param calibration     isotonic calibration of the score fitted on the labelled reference rows; null for
 *                        regression, without a score, or with too few labelled rows of a class
 * @param estimated       the estimate (CBPE on calibrated scores) over the reference rows, what a batch's
 *                        estimate is compared with; null when there is no calibration
 * @param calibrationNote why there is no calibration, null when there is one or for regression
 */
public record ReferenceBaseline(String modelId, int referenceVersion, String task, long rows, long labeledRows,
                                Map<String, Double> metrics, SliceSchema schema, ReferenceSlices slices,
                                IsotonicCalibration calibration, Map<String, Double> estimated,
                                String calibrationNote) {
}
