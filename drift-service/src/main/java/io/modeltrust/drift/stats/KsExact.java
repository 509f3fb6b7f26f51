package io.modeltrust.drift.stats;

/**
 * Exact two-sided p-value of the two-sample KS statistic, ported operation by operation from
 * scipy 1.10.1 ({@code _attempt_exact_2kssamp}, {@code _compute_prob_outside_square} and the
 * pythran {@code _compute_outer_prob_inside_method}) so that the same floating-point results,
 * including the ones scipy rejects, come out.
 */
final class KsExact {

    /** Outcome of the exact attempt; {@code success == false} means "fall back to asymptotic". */
    record Attempt(boolean success, double d, double prob) {
    }

    private KsExact() {
    }

    static Attempt attempt(int n1, int n2, double d) {
        long g = gcd(n1, n2);
        long lcm = (n1 / g) * n2;
        long h = (long) Math.rint(d * lcm);
        double rounded = h * 1.0 / lcm;
        if (h == 0) {
            return new Attempt(true, rounded, 1.0);
        }
        double prob = n1 == n2
                ? probOutsideSquare(n1, h)
                : outerProbInside(n1, n2, g, h);
        if (!(0 <= prob && prob <= 1)) {
            return new Attempt(false, rounded, prob);
        }
        return new Attempt(true, rounded, prob);
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Pr(D_{n,n} >= h/n) by the alternating series, evaluated Horner-style as scipy does. */
    static double probOutsideSquare(long n, long h) {
        double p = 0.0;
        long k = (long) Math.floor((double) n / h);
        while (k >= 0) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /**
     * 1 - (proportion of lattice paths staying strictly inside |x/m - y/n| < h/lcm), using the
     * Viehmann recursion on a sliding column window (memory O(n), time O(m * window)).
     */
    static double outerProbInside(long m, long n, long g, long h) {
        if (m < n) {
            long t = m;
            m = n;
            n = t;
        }
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
        int curlen = maxj - minj;
        int lenA = (int) Math.min(2L * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        for (int x = minj; x < maxj; x++) {
            a[x] = 0.0;
        }
        for (long i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = (int) Math.min(minj, n);
            maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                int from = maxj - minj;
                int to = Math.min(from + (lastlen - curlen), lenA);
                for (int x = from; x < to; x++) {
                    a[x] = 1;
                }
            }
        }
        return a[maxj - minj - 1];
    }
}
