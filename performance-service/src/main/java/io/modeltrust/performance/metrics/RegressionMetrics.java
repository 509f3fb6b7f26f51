package io.modeltrust.performance.metrics;

import io.modeltrust.stats.CompensatedSum;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realised regression performance, as scikit-learn 1.2.1. Rows where the actual or the predicted value
 * is NaN are left out.
 *
 * @param rows        rows used
 * @param mae         mean_absolute_error
 * @param rmse        sqrt(mean_squared_error)
 * @param r2          r2_score (force_finite): 1 for perfect predictions, 0 for imperfect predictions of
 *                    a constant y; null with fewer than 2 rows (sklearn returns NaN)
 * @param mape        mean_absolute_percentage_error: mean |y − ŷ| / max(|y|, 2.220446049250313e-16)
 * @see RegressionBootstrap for the intervals of MAE and RMSE
 */
public record RegressionMetrics(long rows, double mae, double rmse, Double r2, double mape) {

    /** np.finfo(np.float64).eps, sklearn's floor for |y| in MAPE. */
    static final double MAPE_EPS = Math.ulp(1.0);

    public static RegressionMetrics compute(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual and predicted differ in length: "
                    + actual.length + " vs " + predicted.length);
        }
        long n = 0;
        CompensatedSum abs = new CompensatedSum();
        CompensatedSum sq = new CompensatedSum();
        CompensatedSum pct = new CompensatedSum();
        CompensatedSum ySum = new CompensatedSum();
        double firstY = Double.NaN;
        boolean constantY = true;
        for (int i = 0; i < actual.length; i++) {
            double y = actual[i];
            double p = predicted[i];
            if (Double.isNaN(y) || Double.isNaN(p)) {
                continue;
            }
            if (n == 0) {
                firstY = y;
            } else if (y != firstY) {
                constantY = false;
            }
            n++;
            double e = p - y;
            double a = Math.abs(e);
            abs.add(a);
            sq.add(e * e);
            pct.add(a / Math.max(Math.abs(y), MAPE_EPS));
            ySum.add(y);
        }
        if (n == 0) {
            throw new IllegalArgumentException("no rows with both an actual and a predicted value");
        }
        double mae = abs.value() / n;
        double mse = sq.value() / n;
        double mean = ySum.value() / n;
        // Second pass for the spread of y: squared deviations around a known mean do not cancel.
        CompensatedSum total = new CompensatedSum();
        for (int i = 0; i < actual.length; i++) {
            double y = actual[i];
            double p = predicted[i];
            if (Double.isNaN(y) || Double.isNaN(p)) {
                continue;
            }
            double d = y - mean;
            total.add(d * d);
        }
        Double r2 = null;
        if (n >= 2) {
            double numerator = sq.value();
            // An exactly constant y has zero spread; deciding that from the data rather than from the
            // rounded mean avoids numpy's -1e29 artefacts when the mean of y = 0.1 is not exactly 0.1.
            double denominator = constantY ? 0.0 : total.value();
            if (numerator == 0.0) {
                r2 = 1.0;
            } else if (denominator == 0.0) {
                r2 = 0.0;
            } else {
                r2 = 1 - numerator / denominator;
            }
        }
        return new RegressionMetrics(n, mae, Math.sqrt(mse), r2, pct.value() / n);
    }

    /** The metrics that have a value, by docs/metrics.md name, for {@link MetricChange#compare}. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mae", mae);
        m.put("rmse", rmse);
        ClassificationMetrics.putIfPresent(m, "r2", r2);
        m.put("mape", mape);
        return m;
    }
}
