package io.modeltrust.drift.stats;

import io.modeltrust.stats.CompensatedSum;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Two-sample Cramér-von Mises test as {@code scipy.stats.cramervonmises_2samp(R, P,
 * method='auto')} of scipy 1.10.1: T from the pooled midranks (Anderson 1962, eq. 9 and 10), the
 * exact p-value when both samples have at most {@link #MAX_EXACT_N} values, otherwise the
 * limiting distribution of the one-sample statistic at the normalised T (eq. 15).
 */
public final class CramerVonMises {

    /** scipy uses the exact distribution when max(n1, n2) is at most this. */
    public static final int MAX_EXACT_N = 20;

    /** scipy returns p = 1 without the series below this normalised statistic. */
    private static final double TN_P_ONE = 0.003;

    /** scipy's stopping rule for the series of the limiting cdf. */
    private static final double SERIES_TOLERANCE = 1e-7;

    private static final double PI_1_5 = Math.pow(Math.PI, 1.5);

    /**
     * @param statistic T
     * @param pValue    p-value, in [0, 1]
     * @param exact     whether the exact distribution produced it
     */
    public record Result(double statistic, double pValue, boolean exact) {
    }

    private CramerVonMises() {
    }

    /**
     * Both inputs ascending and NaN-free, each with at least two values (scipy raises below that).
     */
    public static Result test(double[] sorted1, double[] sorted2) {
        int nx = sorted1.length;
        int ny = sorted2.length;
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("cramervonmises_2samp needs at least two values per sample");
        }
        RankSums sums = rankSums(sorted1, sorted2);
        // U = nx * sum (rx_i - i)^2 + ny * sum (ry_j - j)^2; the sums hold 4 (r - i)^2 so they are integers
        double u = nx * (sums.x / 4.0) + ny * (sums.y / 4.0);
        long k = (long) nx * ny;
        long n = (long) nx + ny;
        double t = u / (double) (k * n) - (double) (4 * k - 1) / (double) (6 * n);
        if (Math.max(nx, ny) <= MAX_EXACT_N) {
            long u4 = Math.round(nx * sums.x + ny * sums.y);
            return new Result(t, CramerVonMisesExact.pValue(u4, nx, ny), true);
        }
        return new Result(t, asymptoticPValue(t, nx, ny), false);
    }

    /** Limiting-distribution p-value of T, as scipy's asymptotic branch. */
    static double asymptoticPValue(double t, int nx, int ny) {
        long k = (long) nx * ny;
        long n = (long) nx + ny;
        double et = (1 + 1.0 / n) / 6;
        double vt = varianceOfT(nx, ny);
        double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
        if (tn < TN_P_ONE) {
            return 1.0;
        }
        return Math.max(0.0, 1.0 - limitingCdf(tn));
    }

    /**
     * (N+1)(4kN - 3(nx^2 + ny^2) - 2k) / (45 N^2 4k), which scipy evaluates in exact integers and
     * divides once; the products overflow a long from a few hundred thousand rows.
     */
    private static double varianceOfT(int nx, int ny) {
        BigInteger x = BigInteger.valueOf(nx);
        BigInteger y = BigInteger.valueOf(ny);
        BigInteger k = x.multiply(y);
        BigInteger n = x.add(y);
        BigInteger num = n.add(BigInteger.ONE).multiply(BigInteger.valueOf(4).multiply(k).multiply(n)
                .subtract(BigInteger.valueOf(3).multiply(x.multiply(x).add(y.multiply(y))))
                .subtract(BigInteger.TWO.multiply(k)));
        BigInteger den = BigInteger.valueOf(45).multiply(n).multiply(n).multiply(BigInteger.valueOf(4)).multiply(k);
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128).doubleValue();
    }

    /**
     * Cdf of the limiting Cramér-von Mises distribution (Csörgő and Faraway 1996, eq. 1.2), as
     * scipy's {@code _cdf_cvm_inf}: terms are added until one is below 1e-7. Like scipy's, it is
     * not accurate far in the upper tail; it reproduces scipy there rather than the true value.
     */
    static double limitingCdf(double x) {
        double total = 0.0;
        // Gamma(k + 1/2) / Gamma(k + 1), by its recurrence from sqrt(pi)
        double gammaRatio = Math.sqrt(Math.PI);
        for (int k = 0; ; k++) {
            if (k > 0) {
                gammaRatio *= (k - 0.5) / k;
            }
            double u = gammaRatio / (PI_1_5 * Math.sqrt(x));
            double y = 4.0 * k + 1;
            double q = y * y / (16 * x);
            // exp(-q) * K_{1/4}(q) = exp(-2q) * (e^q K_{1/4}(q))
            double z = u * Math.sqrt(y) * Math.exp(-2 * q) * BesselK.scaled(0.25, q);
            total += z;
            if (Math.abs(z) < SERIES_TOLERANCE) {
                return total;
            }
        }
    }

    /** Sums of (2 r - 2 i)^2 over each sample, r its midranks in the pooled sample and i = 1, 2, ... */
    private record RankSums(double x, double y) {
    }

    private static RankSums rankSums(double[] xs, double[] ys) {
        CompensatedSum sx = new CompensatedSum();
        CompensatedSum sy = new CompensatedSum();
        int i = 0;
        int j = 0;
        while (i < xs.length || j < ys.length) {
            double v = j >= ys.length || (i < xs.length && xs[i] <= ys[j]) ? xs[i] : ys[j];
            int cx = 0;
            while (i + cx < xs.length && xs[i + cx] == v) {
                cx++;
            }
            int cy = 0;
            while (j + cy < ys.length && ys[j + cy] == v) {
                cy++;
            }
            // every copy of v gets the midrank (i + j) + (cx + cy + 1) / 2; twice that is an integer
            long twiceRank = 2L * (i + j) + cx + cy + 1;
            for (int c = 1; c <= cx; c++) {
                double d = twiceRank - 2L * (i + c);
                sx.add(d * d);
            }
            for (int c = 1; c <= cy; c++) {
                double d = twiceRank - 2L * (j + c);
                sy.add(d * d);
            }
            i += cx;
            j += cy;
        }
        return new RankSums(sx.value(), sy.value());
    }
}
