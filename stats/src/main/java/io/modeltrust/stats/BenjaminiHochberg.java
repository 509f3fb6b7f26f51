package io.modeltrust.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg adjusted p-values, statsmodels {@code multipletests(p, method='fdr_bh')}: drift
 * adjusts across a batch's features, fairness across its groups.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * Adjusted p of rank i (ascending) = min over j >= i of m * p_(j) / j, capped at 1, returned in
     * the input order. NaN inputs are not allowed (leave untestable features out of the set).
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            if (Double.isNaN(pValues[i])) {
                throw new IllegalArgumentException("NaN p-value at index " + i);
            }
            order[i] = i;
        }
        // the order among equal p-values does not matter: they all get the same adjusted value
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = Double.POSITIVE_INFINITY;
        for (int rank = m; rank >= 1; rank--) {
            int idx = order[rank - 1];
            double ecdf = (double) rank / m;
            double raw = pValues[idx] / ecdf;
            running = Math.min(running, raw);
            adjusted[idx] = Math.min(running, 1.0);
        }
        return adjusted;
    }

    /**
     * As {@link #adjust}, over the entries that have a p-value: NaN (a group or feature no test could judge)
     * stays NaN and does not count among the tests.
     */
    public static double[] adjustSkippingNaN(double[] pValues) {
        int m = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                m++;
            }
        }
        double[] present = new double[m];
        int k = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                present[k++] = p;
            }
        }
        double[] adjusted = adjust(present);
        double[] out = pValues.clone();
        k = 0;
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                out[i] = adjusted[k++];
            }
        }
        return out;
    }
}
