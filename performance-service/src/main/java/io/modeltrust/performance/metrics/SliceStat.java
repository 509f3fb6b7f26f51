package io.modeltrust.performance.metrics;

/**
 * The figure of one slice.
 *
 * @param feature feature name
 * @param slice   slice label, e.g. "income in (41200, 52800]", "purpose=car", "income is missing"
 * @param rows    rows in the slice (rows with a NaN outcome are not counted)
 * @param value   accuracy or MAE over those rows
 */
public record SliceStat(String feature, String slice, long rows, double value) {
}
