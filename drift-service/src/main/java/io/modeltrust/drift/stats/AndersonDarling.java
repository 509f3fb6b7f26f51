package io.modeltrust.drift.stats;

import io.modeltrust.stats.CompensatedSum;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Anderson-Darling k-sample test for two samples, as {@code scipy.stats.anderson_ksamp([R, P])}
 * of scipy 1.10.1 (midrank version, Scholz and Stephens 1987, eq. 7): the standardised statistic
 * and its approximate significance level, which scipy interpolates from the table of critical
 * values and limits to [0.001, 0.25].
 */
public final class AndersonDarling {

    /** scipy's cap: above the smallest critical value it reports this. */
    public static final double P_CAP = 0.25;
    /** scipy's floor: beyond the largest critical value it reports this. */
    public static final double P_FLOOR = 0.001;

    /** Scholz and Stephens' Table 2 significance levels. */
    private static final double[] SIG = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};
    private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
    private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
    private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};

    /** Critical values for k - 1 = 1: b0 + b1 / sqrt(1) + b2 / 1, increasing. */
    private static final double[] CRITICAL = new double[SIG.length];
    /** numpy.polyfit(CRITICAL, log(SIG), 2), highest power first. */
    private static final double[] LOG_SIG_FIT;

    static {
        double[][] vandermonde = new double[SIG.length][3];
        double[] logSig = new double[SIG.length];
        for (int i = 0; i < SIG.length; i++) {
            CRITICAL[i] = B0[i] + B1[i] / Math.sqrt(1.0) + B2[i] / 1.0;
            vandermonde[i] = new double[] {CRITICAL[i] * CRITICAL[i], CRITICAL[i], 1.0};
            logSig[i] = Math.log(SIG[i]);
        }
        RealVector fit = new QRDecomposition(new Array2DRowRealMatrix(vandermonde, false)).getSolver()
                .solve(new ArrayRealVector(logSig, false));
        LOG_SIG_FIT = fit.toArray();
    }

    /** Where the significance level sits against scipy's limits. */
    public enum Bound {
        /** interpolated inside [0.001, 0.25] */
        NONE,
        /** the true p-value is larger than the reported 0.25 */
        CAPPED,
        /** the true p-value is smaller than the reported 0.001 */
        FLOORED
    }

    /**
     * @param statistic standardised A2 (scipy's {@code statistic}); NaN where scipy's variance has
     *                  a zero denominator (three values in all)
     * @param pValue    scipy's {@code significance_level}
     * @param bound     whether it was capped, floored or interpolated
     */
    public record Result(double statistic, double pValue, Bound bound) {
    }

    private AndersonDarling() {
    }

    /** Whether scipy computes a result: at least three values and two distinct ones in all. */
    public static boolean defined(double[] sorted1, double[] sorted2) {
        int n = sorted1.length + sorted2.length;
        if (sorted1.length == 0 || sorted2.length == 0 || n < 3) {
            return false;
        }
        double lo = Math.min(sorted1[0], sorted2[0]);
        double hi = Math.max(sorted1[sorted1.length - 1], sorted2[sorted2.length - 1]);
        return lo != hi;
    }

    /** Both inputs ascending and NaN-free; {@link #defined} must hold. */
    public static Result test(double[] sorted1, double[] sorted2) {
        if (!defined(sorted1, sorted2)) {
            throw new IllegalArgumentException("anderson_ksamp needs two non-empty samples, three values in all"
                    + " and more than one distinct value");
        }
        int n1 = sorted1.length;
        int n2 = sorted2.length;
        int n = n1 + n2;
        double a2kn = midrankStatistic(sorted1, sorted2);
        double a2 = (a2kn - 1) / Math.sqrt(varianceOfA2kn(n1, n2));
        if (Double.isNaN(a2)) {
            return new Result(Double.NaN, Double.NaN, Bound.NONE);
        }
        if (a2 < CRITICAL[0]) {
            return new Result(a2, P_CAP, Bound.CAPPED);
        }
        if (a2 > CRITICAL[CRITICAL.length - 1]) {
            return new Result(a2, P_FLOOR, Bound.FLOORED);
        }
        double logP = (LOG_SIG_FIT[0] * a2 + LOG_SIG_FIT[1]) * a2 + LOG_SIG_FIT[2];
        return new Result(a2, Math.exp(logP), Bound.NONE);
    }

    /** A2akN of Scholz and Stephens eq. 7, over the distinct pooled values by one merge. */
    private static double midrankStatistic(double[] s1, double[] s2) {
        int n1 = s1.length;
        int n2 = s2.length;
        double n = n1 + n2;
        CompensatedSum inner1 = new CompensatedSum();
        CompensatedSum inner2 = new CompensatedSum();
        int i = 0;
        int j = 0;
        while (i < n1 || j < n2) {
            double v = j >= n2 || (i < n1 && s1[i] <= s2[j]) ? s1[i] : s2[j];
            int f1 = 0;
            while (i + f1 < n1 && s1[i + f1] == v) {
                f1++;
            }
            int f2 = 0;
            while (j + f2 < n2 && s2[j + f2] == v) {
                f2++;
            }
            double lj = f1 + f2;
            double bj = (i + j) + lj / 2.0;
            double m1 = (i + f1) - f1 / 2.0;
            double m2 = (j + f2) - f2 / 2.0;
            double denominator = bj * (n - bj) - n * lj / 4.0;
            double d1 = n * m1 - bj * n1;
            double d2 = n * m2 - bj * n2;
            inner1.add(lj / n * (d1 * d1) / denominator);
            inner2.add(lj / n * (d2 * d2) / denominator);
            i += f1;
            j += f2;
        }
        return (inner1.value() / n1 + inner2.value() / n2) * ((n - 1.0) / n);
    }

    /** sigma^2 of A2kN under the null (Scholz and Stephens eq. 4) for k = 2 samples. */
    private static double varianceOfA2kn(int n1, int n2) {
        int bigN = n1 + n2;
        double hh = 1.0 / n1 + 1.0 / n2;
        // scipy: hs_cs = cumsum(1 / arange(N-1, 1, -1)); h = hs_cs[-1] + 1; g = sum(hs_cs / arange(2, N))
        double cumulative = 0.0;
        CompensatedSum g = new CompensatedSum();
        for (int t = 0; t < bigN - 2; t++) {
            cumulative += 1.0 / (bigN - 1 - t);
            g.add(cumulative / (t + 2));
        }
        double h = cumulative + 1;
        double gg = g.value();
        int k = 2;
        double a = (4 * gg - 6) * (k - 1) + (10 - 6 * gg) * hh;
        double b = (2 * gg - 4) * k * k + 8 * h * k + (2 * gg - 14 * h - 4) * hh - 8 * h + 4 * gg - 6;
        double c = (6 * h + 2 * gg - 2) * k * k + (4 * h - 4 * gg + 6) * k + (2 * h - 6) * hh + 4 * h;
        double d = (2 * h + 6) * k * k - 4 * h * k;
        double nn = bigN;
        return (a * (nn * nn * nn) + b * (nn * nn) + c * nn + d) / ((nn - 1.) * (nn - 2.) * (nn - 3.));
    }
}
