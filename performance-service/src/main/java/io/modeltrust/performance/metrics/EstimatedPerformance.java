package io.modeltrust.performance.metrics;

import io.modeltrust.stats.CompensatedSum;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Performance estimated without labels, in the manner of NannyML's CBPE (docs/metrics.md): with a calibrated
 * score s = P(positive), each row contributes s to the positive column and 1 − s to the negative column
 * of the confusion matrix, on the row of its prediction ŷ. Rows with a NaN score are left out.
 *
 * @param rows               rows with a score
 * @param expectedTp         Σ s·[ŷ=1]
 * @param expectedFp         Σ (1−s)·[ŷ=1]
 * @param expectedTn         Σ (1−s)·[ŷ=0]
 * @param expectedFn         Σ s·[ŷ=0]
 * @param estimatedAccuracy  (tp + tn) / rows
 * @param estimatedPrecision tp / (tp + fp), 0 when nothing is predicted positive
 * @param estimatedRecall    tp / (tp + fn), 0 when the expected positives are 0
 * @param estimatedF1        2·p·r/(p + r), 0 when p + r = 0
 */
public record EstimatedPerformance(
        long rows,
        double expectedTp,
        double expectedFp,
        double expectedTn,
        double expectedFn,
        double estimatedAccuracy,
        double estimatedPrecision,
        double estimatedRecall,
        double estimatedF1) {

    /**
     * @return null when no row has a score
     * @throws IllegalArgumentException when a score lies outside [0, 1] (not a probability)
     */
    public static EstimatedPerformance estimate(boolean[] predictedPositive, double[] score) {
        if (predictedPositive.length != score.length) {
            throw new IllegalArgumentException("predictedPositive and score differ in length: "
                    + predictedPositive.length + " vs " + score.length);
        }
        CompensatedSum tp = new CompensatedSum();
        CompensatedSum fn = new CompensatedSum();
        CompensatedSum fp = new CompensatedSum();
        CompensatedSum tn = new CompensatedSum();
        long predictedPos = 0;
        long predictedNeg = 0;
        for (int i = 0; i < score.length; i++) {
            double s = score[i];
            if (Double.isNaN(s)) {
                continue;
            }
            if (s < 0 || s > 1) {
                throw new IllegalArgumentException("score " + s + " at row " + i + " is not a probability");
            }
            if (predictedPositive[i]) {
                predictedPos++;
                tp.add(s);
                fp.add(1 - s);
            } else {
                predictedNeg++;
                fn.add(s);
                tn.add(1 - s);
            }
        }
        long n = predictedPos + predictedNeg;
        if (n == 0) {
            return null;
        }
        // Σ(1−s) is summed as such, not as count − Σs, which cancels when the scores are near 1.
        double eTp = tp.value();
        double eFn = fn.value();
        double eFp = fp.value();
        double eTn = tn.value();
        double precision = ConfusionMatrix.precision(eTp, eFp);
        double recall = ConfusionMatrix.recall(eTp, eFn);
        return new EstimatedPerformance(n, eTp, eFp, eTn, eFn, (eTp + eTn) / n, precision, recall,
                ConfusionMatrix.f1(precision, recall));
    }

    /** Estimated metrics by docs/metrics.md name, for {@link MetricChange#compare} against realised ones. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", estimatedAccuracy);
        m.put("precision", estimatedPrecision);
        m.put("recall", estimatedRecall);
        m.put("f1", estimatedF1);
        return m;
    }
}
