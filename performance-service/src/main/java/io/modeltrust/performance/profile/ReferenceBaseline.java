package io.modeltrust.performance.profile;

import io.modeltrust.performance.metrics.ReferenceSlices;
import io.modeltrust.performance.rows.SliceSchema;
import java.util.Map;

/**
 * What a production batch is compared with: the realised metrics of the labelled reference rows,
 * how features are sliced, and every reference slice's accuracy (regression: MAE). Computed once per
 * reference version and stored as JSON.
 *
 * @param metrics realised metrics by METRICS.md name; empty when the reference has no labels
 * @param slices  reference slice figures, null when the reference has no labels
 */
public record ReferenceBaseline(String modelId, int referenceVersion, String task, long rows, long labeledRows,
                                Map<String, Double> metrics, SliceSchema schema, ReferenceSlices slices) {
}
