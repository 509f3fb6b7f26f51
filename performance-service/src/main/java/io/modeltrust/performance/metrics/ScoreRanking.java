package io.modeltrust.performance.metrics;

import io.modeltrust.stats.CompensatedSum;
import java.util.Arrays;

/**
 * The rank-based score metrics (rocAuc, prAuc, ks) and the DeLong interval of rocAuc, all from one
 * pass over the scores in descending order.
 *
 * <p>Instead of sorting row indices by score (which needs boxed comparators in Java), the scores of
 * positives and of negatives are copied into two primitive arrays, each sorted with
 * {@link Arrays#sort(double[])}, and merged from the top. Every distinct score value is one threshold of
 * sklearn's {@code _binary_clf_curve}; within a group of equal scores only the counts of positives and
 * negatives matter, which is exactly sklearn's tie handling.
 */
public final class ScoreRanking {

    /**
     * @param rocAuc         roc_auc_score
     * @param prAuc          average_precision_score
     * @param ks             max over roc_curve points of TPR − FPR
     * @param rocAucInterval DeLong 95% interval, clipped to [0, 1]; null with fewer than 2 positives or
     *                       2 negatives
     */
    public record Result(double rocAuc, double prAuc, double ks, Interval rocAucInterval) {
    }

    private ScoreRanking() {
    }

    /**
     * Rows whose score is NaN are left out (missing). Returns null when the remaining rows hold a single
     * class (or none), where sklearn refuses to compute these metrics.
     */
    public static Result compute(boolean[] actualPositive, double[] score) {
        if (actualPositive.length != score.length) {
            throw new IllegalArgumentException("actualPositive and score differ in length: "
                    + actualPositive.length + " vs " + score.length);
        }
        int nPos = 0;
        int nNeg = 0;
        for (int i = 0; i < score.length; i++) {
            if (!Double.isNaN(score[i])) {
                if (actualPositive[i]) {
                    nPos++;
                } else {
                    nNeg++;
                }
            }
        }
        if (nPos == 0 || nNeg == 0) {
            return null;
        }
        double[] pos = new double[nPos];
        double[] neg = new double[nNeg];
        int ip = 0;
        int in = 0;
        for (int i = 0; i < score.length; i++) {
            double s = score[i];
            if (!Double.isNaN(s)) {
                if (actualPositive[i]) {
                    pos[ip++] = s;
                } else {
                    neg[in++] = s;
                }
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        return sweep(pos, neg);
    }

    private static Result sweep(double[] pos, double[] neg) {
        final int nPos = pos.length;
        final int nNeg = neg.length;
        int i = nPos - 1;
        int j = nNeg - 1;
        long tps = 0;
        long fps = 0;
        // Twice the trapezoid area in units of (1/nNeg)·(1/nPos): exact in a long, one rounding at the end.
        long twiceArea = 0;
        double ks = 0.0;
        CompensatedSum ap = new CompensatedSum();
        // Weighted Welford over DeLong structural components, kept as half-integer counts.
        long w10 = 0;
        double mean10 = 0;
        double m2of10 = 0;
        long w01 = 0;
        double mean01 = 0;
        double m2of01 = 0;
        while (i >= 0 || j >= 0) {
            // Grouping by == (not by bit pattern) makes -0.0 and 0.0 one threshold, as numpy's diff does.
            double v;
            if (i < 0) {
                v = neg[j];
            } else if (j < 0) {
                v = pos[i];
            } else {
                v = Math.max(pos[i], neg[j]);
            }
            long posG = 0;
            while (i >= 0 && pos[i] == v) {
                posG++;
                i--;
            }
            long negG = 0;
            while (j >= 0 && neg[j] == v) {
                negG++;
                j--;
            }
            long tpsPrev = tps;
            tps += posG;
            fps += negG;
            twiceArea += negG * (tpsPrev + tps);
            double diff = (double) tps / nPos - (double) fps / nNeg;
            if (diff > ks) {
                ks = diff;
            }
            if (posG > 0) {
                ap.add(((double) posG / nPos) * ((double) tps / (tps + fps)));
                // Positives of this group outrank every negative below it and tie with negG of them.
                double v10 = (nNeg - fps) + 0.5 * negG;
                w10 += posG;
                double d = v10 - mean10;
                mean10 += d * posG / w10;
                m2of10 += d * (v10 - mean10) * posG;
            }
            if (negG > 0) {
                double v01 = tpsPrev + 0.5 * posG;
                w01 += negG;
                double d = v01 - mean01;
                mean01 += d * negG / w01;
                m2of01 += d * (v01 - mean01) * negG;
            }
        }
        double auc = twiceArea / (2.0 * nPos * nNeg);
        Interval interval = null;
        if (nPos >= 2 && nNeg >= 2) {
            double s10 = m2of10 / (nPos - 1) / ((double) nNeg * nNeg);
            double s01 = m2of01 / (nNeg - 1) / ((double) nPos * nPos);
            double se = Math.sqrt(s10 / nPos + s01 / nNeg);
            double half = ConfidenceIntervals.Z95 * se;
            interval = new Interval(Math.max(0.0, auc - half), Math.min(1.0, auc + half), "delong");
        }
        return new Result(auc, ap.value(), ks, interval);
    }
}
