package io.modeltrust.performance.metrics;

/**
 * Delta-method 95% interval of macro F1 (Takahashi et al. 2022, "Confidence interval for micro-averaged
 * F1 and macro-averaged F1 scores", Applied Intelligence 52). Method name "delta".
 *
 * <p>Why not a bootstrap: macro F1 depends on the rows only through the confusion matrix, whose cell
 * shares p are multinomial with covariance (diag(p) − ppᵀ)/n. The first-order variance is then
 * (Σ p·g² − (Σ p·g)²)/n with g the gradient of macro F1 in the cell shares: O(k²) instead of B
 * resamples of n rows, deterministic without a seed, and reproducible from numpy in the fixtures.
 *
 * <p>With F1_c = 2T_c / D_c, D_c = 2T_c + FP_c + FN_c, the gradient of macro F1 = mean_c F1_c is
 * 2(FP_c + FN_c) / (k·D_c²) on the diagonal cell (c, c), and −2T_a/(k·D_a²) − 2T_b/(k·D_b²) on an
 * off-diagonal cell (true a, predicted b), which is a false negative of a and a false positive of b.
 * A class with D_c = 0 (zero_division) has no mass in any cell, so its terms are dropped.
 *
 * <p>Limit: where every class is classified perfectly (or every F1 is 0 with T = 0 everywhere) the
 * gradient vanishes on the mass and the interval collapses to a point; the Wilson interval of accuracy
 * does not have that weakness.
 */
public final class MacroF1Interval {

    private MacroF1Interval() {
    }

    /**
     * @param cm confusion matrix [true][predicted], k × k
     * @return the interval clipped to [0, 1]; null with fewer than 2 rows
     */
    public static Interval delta(long[][] cm) {
        int k = cm.length;
        long n = 0;
        double[] tp = new double[k];
        double[] fpPlusFn = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                n += cm[a][b];
                if (a == b) {
                    tp[a] = cm[a][a];
                } else {
                    fpPlusFn[a] += cm[a][b];
                    fpPlusFn[b] += cm[a][b];
                }
            }
        }
        if (n < 2) {
            return null;
        }
        // Shares rather than counts: F1 is scale-free, and the gradient in shares is what the variance needs.
        double f1Sum = 0;
        double[] diagGrad = new double[k];
        double[] offGrad = new double[k];
        for (int c = 0; c < k; c++) {
            double t = tp[c] / n;
            double d = 2 * t + fpPlusFn[c] / n;
            if (d > 0) {
                f1Sum += 2 * t / d;
                diagGrad[c] = 2 * (fpPlusFn[c] / n) / (k * d * d);
                offGrad[c] = -2 * t / (k * d * d);
            }
        }
        double m = f1Sum / k;
        double first = 0;
        double second = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                if (cm[a][b] == 0) {
                    continue;
                }
                double p = (double) cm[a][b] / n;
                double g = a == b ? diagGrad[a] : offGrad[a] + offGrad[b];
                first += p * g;
                second += p * g * g;
            }
        }
        double variance = Math.max(0.0, second - first * first) / n;
        double half = ConfidenceIntervals.Z95 * Math.sqrt(variance);
        return new Interval(Math.max(0.0, m - half), Math.min(1.0, m + half), "delta");
    }
}
