package io.modeltrust.drift.multivariate;

import java.util.Arrays;

/**
 * The ROC AUC of scores against two classes, by the Mann–Whitney rank sum with mid-ranks for ties: the
 * probability that a random positive scores above a random negative, ties counting half. It equals
 * scikit-learn's {@code roc_auc_score} (checked in DomainClassifierTest against a committed fixture).
 */
public final class Auc {

    private Auc() {
    }

    /** NaN when either class is empty: an AUC is then undefined. */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " labels");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRanks = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            // == rather than Double.compare: -0.0 and 0.0 are one score (Double.compare sorts them apart, adjacent)
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positiveRanks += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * The standard deviation of the AUC of n negatives against m positives when both come from one
     * distribution (the Mann–Whitney U statistic's null variance, divided by (n·m)²).
     */
    public static double nullStd(long n, long m) {
        return Math.sqrt((n + m + 1) / (12.0 * n * m));
    }
}
