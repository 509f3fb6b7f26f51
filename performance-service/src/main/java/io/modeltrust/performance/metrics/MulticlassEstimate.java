package io.modeltrust.performance.metrics;

import io.modeltrust.stats.CompensatedSum;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multiclass performance estimated without labels (docs/metrics.md "Multiclass estimation"), from scores
 * already calibrated one-vs-rest and renormalised (the calibration is not done here).
 *
 * <p>Per class c, as in the binary {@link EstimatedPerformance}, each row contributes its calibrated
 * s_c on the row of its prediction ŷ: to the expected true positives of c when ŷ = c (and 1 − s_c to
 * its false positives), to the expected false negatives of c otherwise. Estimated accuracy is the mean
 * of s_ŷ, which is Σ_c expectedTp_c / rows. The macro figures are unweighted means over the k classes;
 * macroF1 is the mean of the per-class F1 of the expected counts (as sklearn's macro F1 is the mean of
 * per-class F1), not the F1 of macroPrecision and macroRecall. Rows with any NaN score are left out.
 *
 * @param rows           rows with every score present
 * @param expectedTp     per class, Σ s_c·[ŷ=c]
 * @param expectedFp     per class, Σ (1−s_c)·[ŷ=c]
 * @param expectedFn     per class, Σ s_c·[ŷ≠c]
 * @param precision      per class, tp / (tp + fp), 0 when c is never predicted
 * @param recall         per class, tp / (tp + fn), 0 when the expected support is 0
 * @param f1             per class, 2·p·r/(p + r), 0 when p + r = 0
 * @param accuracy       mean over rows of s_ŷ
 * @param macroPrecision mean of precision
 * @param macroRecall    mean of recall
 * @param macroF1        mean of f1
 */
public record MulticlassEstimate(
        long rows,
        double[] expectedTp,
        double[] expectedFp,
        double[] expectedFn,
        double[] precision,
        double[] recall,
        double[] f1,
        double accuracy,
        double macroPrecision,
        double macroRecall,
        double macroF1) {

    /**
     * @param predicted               predicted class code per row, 0..k−1
     * @param calibratedScoresByClass [c][row], calibrated P(class c), NaN = missing
     * @return null when no row has all its scores
     * @throws IllegalArgumentException on mismatched lengths, a code outside the classes, or a score
     *                                  outside [0, 1]
     */
    public static MulticlassEstimate estimate(int[] predicted, double[][] calibratedScoresByClass) {
        int k = calibratedScoresByClass.length;
        for (double[] column : calibratedScoresByClass) {
            if (column.length != predicted.length) {
                throw new IllegalArgumentException("a score column has " + column.length + " rows, not "
                        + predicted.length);
            }
        }
        CompensatedSum[] tp = sums(k);
        CompensatedSum[] fp = sums(k);
        CompensatedSum[] fn = sums(k);
        long n = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (!complete(calibratedScoresByClass, i)) {
                continue;
            }
            int p = predicted[i];
            if (p < 0 || p >= k) {
                throw new IllegalArgumentException("row " + i + ": predicted " + p + " outside the " + k
                        + " classes");
            }
            n++;
            for (int c = 0; c < k; c++) {
                double s = calibratedScoresByClass[c][i];
                if (c == p) {
                    tp[c].add(s);
                    // Summed as such, not as count − Σs, which cancels when the scores are near 1.
                    fp[c].add(1 - s);
                } else {
                    fn[c].add(s);
                }
            }
        }
        return n == 0 ? null : fromSums(n, tp, fp, fn);
    }

    private static MulticlassEstimate fromSums(long n, CompensatedSum[] tp, CompensatedSum[] fp,
                                               CompensatedSum[] fn) {
        int k = tp.length;
        double[] eTp = new double[k];
        double[] eFp = new double[k];
        double[] eFn = new double[k];
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        CompensatedSum correct = new CompensatedSum();
        for (int c = 0; c < k; c++) {
            eTp[c] = tp[c].value();
            eFp[c] = fp[c].value();
            eFn[c] = fn[c].value();
            correct.add(eTp[c]);
            precision[c] = ConfusionMatrix.precision(eTp[c], eFp[c]);
            recall[c] = ConfusionMatrix.recall(eTp[c], eFn[c]);
            f1[c] = ConfusionMatrix.f1(precision[c], recall[c]);
        }
        return new MulticlassEstimate(n, eTp, eFp, eFn, precision, recall, f1, correct.value() / n,
                MulticlassMetrics.mean(precision), MulticlassMetrics.mean(recall), MulticlassMetrics.mean(f1));
    }

    /** True when row i has every score; throws when a present score is not a probability. */
    private static boolean complete(double[][] scores, int i) {
        boolean all = true;
        for (double[] column : scores) {
            double s = column[i];
            if (Double.isNaN(s)) {
                all = false;
            } else if (s < 0 || s > 1) {
                throw new IllegalArgumentException("score " + s + " at row " + i + " is not a probability");
            }
        }
        return all;
    }

    private static CompensatedSum[] sums(int k) {
        CompensatedSum[] out = new CompensatedSum[k];
        for (int c = 0; c < k; c++) {
            out[c] = new CompensatedSum();
        }
        return out;
    }

    /** Estimated metrics by the names of the realised ones, for {@link MetricChange#compare}. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("macroPrecision", macroPrecision);
        m.put("macroRecall", macroRecall);
        m.put("macroF1", macroF1);
        return m;
    }
}
