package io.modeltrust.drift.stats;

import io.modeltrust.stats.CompensatedSum;
/** Binned and sample distances between a reference and a production distribution. */
public final class Distances {

    /** Share floor applied on both sides before the PSI log ratio (no renormalisation). */
    public static final double PSI_FLOOR = 1e-4;

    private Distances() {
    }

    /** Shares of each bin: count / total (NaN shares when total is 0). */
    public static double[] shares(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (double) counts[i] / total;
        }
        return out;
    }

    /** One PSI term (q - p) ln(q / p) after flooring p and q at {@link #PSI_FLOOR}. */
    public static double psiTerm(double referenceShare, double productionShare) {
        double p = Math.max(referenceShare, PSI_FLOOR);
        double q = Math.max(productionShare, PSI_FLOOR);
        return (q - p) * Math.log(q / p);
    }

    /** Population stability index over aligned bins. */
    public static double psi(double[] referenceShares, double[] productionShares) {
        double sum = 0.0;
        for (int i = 0; i < referenceShares.length; i++) {
            sum += psiTerm(referenceShares[i], productionShares[i]);
        }
        return sum;
    }

    /**
     * Hellinger distance sqrt(1 - Σ sqrt(p_i q_i)) over aligned bins, p and q the unfloored shares
     * of the counts. Evaluated as sqrt(½ Σ (sqrt p_i - sqrt q_i)²), equal when both sum to 1,
     * because 1 - Σ cancels to rounding noise for close distributions; each difference comes from
     * the exact integer a_i·M - b_i·N where that fits a long. Never negative, so the clip at 0
     * is implicit.
     *
     * @param referenceCounts  counts per bin, reference (positive total)
     * @param productionCounts counts per bin, production (positive total), same bins
     */
    public static double hellinger(long[] referenceCounts, long[] productionCounts) {
        long n = 0;
        long m = 0;
        for (int i = 0; i < referenceCounts.length; i++) {
            n += referenceCounts[i];
            m += productionCounts[i];
        }
        CompensatedSum sum = new CompensatedSum();
        for (int i = 0; i < referenceCounts.length; i++) {
            long a = referenceCounts[i];
            long b = productionCounts[i];
            double rootP = Math.sqrt((double) a / n);
            double rootQ = Math.sqrt((double) b / m);
            double d;
            try {
                // sqrt p - sqrt q = (p - q) / (sqrt p + sqrt q), p - q = (a M - b N) / (N M) without rounding
                long cross = Math.subtractExact(Math.multiplyExact(a, m), Math.multiplyExact(b, n));
                d = rootP + rootQ == 0 ? 0.0 : cross / ((double) n * m) / (rootP + rootQ);
            } catch (ArithmeticException overflow) {
                d = rootP - rootQ;
            }
            sum.add(d * d);
        }
        return Math.sqrt(0.5 * sum.value());
    }

    /**
     * {@code scipy.spatial.distance.jensenshannon(p, q)} (natural log) on two count or share
     * vectors; normalises each by its sum first, as scipy does.
     */
    public static double jensenShannon(double[] p, double[] q) {
        double sp = 0.0;
        double sq = 0.0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        double left = 0.0;
        double right = 0.0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            double m = (pi + qi) / 2.0;
            left += relEntr(pi, m);
            right += relEntr(qi, m);
        }
        return Math.sqrt((left + right) / 2.0);
    }

    /** scipy.special.rel_entr. */
    private static double relEntr(double x, double y) {
        if (x > 0 && y > 0) {
            return x * Math.log(x / y);
        }
        if (x == 0 && y >= 0) {
            return 0.0;
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * {@code scipy.stats.wasserstein_distance(u, v)} = integral of |F_u - F_v|, from sorted arrays
     * by one merge, O(n + m).
     */
    public static double wasserstein(double[] sortedU, double[] sortedV) {
        int n = sortedU.length;
        int m = sortedV.length;
        int i = 0;
        int j = 0;
        CompensatedSum sum = new CompensatedSum();
        double previous = Double.NaN;
        double previousGap = 0.0;
        while (i < n || j < m) {
            double v;
            if (j >= m || (i < n && sortedU[i] <= sortedV[j])) {
                v = sortedU[i];
            } else {
                v = sortedV[j];
            }
            if (i + j > 0) {
                sum.add(previousGap * (v - previous));
            }
            while (i < n && sortedU[i] <= v) {
                i++;
            }
            while (j < m && sortedV[j] <= v) {
                j++;
            }
            previous = v;
            previousGap = Math.abs((double) i / n - (double) j / m);
        }
        return sum.value();
    }
}
