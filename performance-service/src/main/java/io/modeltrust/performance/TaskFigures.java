package io.modeltrust.performance;

import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.model.event.PerformanceResult.Change;
import java.util.Map;

/**
 * The part of a result that depends on the model's task (binary, multiclass, regression); the rest of
 * the result (baseline, changes, slices, explanation) is computed alike for every task from these.
 *
 * @param metrics         realised metrics, possibly with non-finite values (left out later)
 * @param intervals       95% intervals by metric name
 * @param confusion       confusion matrix, null without labels or for regression
 * @param perClass        multiclass per-class figures in declared class order, else null
 * @param estimated       estimated metrics over every scored row, null when nothing is estimated
 * @param estimationError realised − estimated on the labelled rows, null when either is missing
 * @param estimationNote  why nothing is estimated, or the estimator's assumption; null for regression
 */
record TaskFigures(Map<String, Double> metrics, Map<String, PerformanceResult.Interval> intervals,
                   PerformanceResult.ConfusionMatrix confusion, Map<String, PerformanceResult.ClassFigures> perClass,
                   Map<String, Double> estimated, Map<String, Change> estimationError, String estimationNote) {
}
