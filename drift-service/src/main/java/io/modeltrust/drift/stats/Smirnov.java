package io.modeltrust.drift.stats;

/**
 * One-sided Smirnov survival function Pr(D_n^+ >= x), {@code scipy.special.smirnov(n, x)} of scipy
 * 1.10.1 (cephes {@code kolmogorov.c}, van Mulbregt 2018): same special cases, same choice between
 * the lower and upper Birnbaum-Tingey sums and the same early-termination rule. scipy sums in
 * double-double; here each term is formed in log space from the exactly split n*x = floor + alpha,
 * which keeps ~1e-12 relative accuracy, far inside the 1e-4 p-value tolerance.
 */
public final class Smirnov {

    /** cephes MINLOG, log(2^-1022). */
    private static final double MINLOG = -7.08396418532264106224E2;
    private static final int MAX_COMPUTE_N = 1000000;
    private static final int UPPER_MAX_TERMS = 3;
    private static final int UPPERSUM_MIN_N = 10;
    private static final double EPS = Math.ulp(1.0);

    private Smirnov() {
    }

    public static double sf(long nLong, double x) {
        if (!(nLong > 0 && x >= 0.0 && x <= 1.0) || nLong > Integer.MAX_VALUE) {
            return Double.NaN;
        }
        int n = (int) nLong;
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 0.0;
        }
        // n*x split exactly into floor and fractional part (cephes modNX).
        double nxHi = n * x;
        double nxLo = Math.fma(n, x, -nxHi);
        double fl = Math.floor(nxHi);
        double alpha = (nxHi - fl) + nxLo;
        if (alpha < 0) {
            fl -= 1;
            alpha = (nxHi - fl) + nxLo;
        }
        int nxfl = (int) fl;
        if (alpha >= 1) {
            nxfl += 1;
            alpha = 0;
        }
        int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
        int n1mxceil = n - nxfl;
        if (alpha == 0) {
            n1mxfl -= 1;
            n1mxceil += 1;
        }

        if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {
            double t = Math.pow(1 + x, n - 1);
            return clip(1 - x * t);
        }
        if (-2 * n * x * x < MINLOG) {
            return 0.0;
        }
        if (nxfl >= n - 1) {
            return clip(Math.pow(1 - x, n));
        }
        if (n > MAX_COMPUTE_N) {
            double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            if (logp < -Math.log(2)) {
                return clip(Math.exp(logp));
            }
            return clip(1 - (-Math.expm1(logp)));
        }
        int nUpperTerms = n - n1mxceil + 1;
        boolean useUpperSum = (nUpperTerms <= 1 && x < 0.5)
                || (n >= UPPERSUM_MIN_N && nUpperTerms <= UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));
        return useUpperSum ? 1 - upperSum(n, x, nxfl, alpha, nUpperTerms) : lowerSum(n, x, nxfl, alpha, n1mxfl + 1);
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, 0.0), 1.0);
    }

    /** x * sum_{v=0}^{nTerms-1} A_v: the survival probability, all terms positive. */
    private static double lowerSum(int n, double x, int nxfl, double alpha, int nTerms) {
        double logN = Math.log(n);
        double first = Math.pow(1 - x, n) / x;
        double sum = first;
        int vmid = n / 2;
        double logBinom = 0.0;
        for (int j = 1; j < nTerms; j++) {
            logBinom += Math.log((double) (n - j + 1) / j);
            double a = termFromLogs(n, j, nxfl, alpha, logBinom, logN);
            if (Double.isFinite(a) && a != 0) {
                sum += a;
            }
            if (a != 0) {
                if (4.0 * (nTerms - j) * Math.abs(a) < EPS * sum && j != nTerms - 1) {
                    break;
                }
            } else if (j > vmid) {
                break;
            }
        }
        return clip(x * sum);
    }

    /**
     * A_v = C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1), with 1 - x - v/n = (n - nxfl - v - alpha)/n
     * and x + v/n = (nxfl + v + alpha)/n so that no cancellation happens near the last term.
     */
    private static double termFromLogs(int n, int v, int nxfl, double alpha, double logBinom, double logN) {
        double below = (n - nxfl - v) - alpha;
        double above = (nxfl + v) + alpha;
        double log = logBinom + (n - v) * (Math.log(below) - logN) + (v - 1) * (Math.log(above) - logN);
        return Math.exp(log);
    }

    /** x * sum over v = n, n-1, ... of the (alternating) terms: the CDF; only a few terms. */
    private static double upperSum(int n, double x, int nxfl, double alpha, int nTerms) {
        double sum = Math.pow(1 + x, n - 1);
        double binom = 1.0;
        for (int j = 1; j < nTerms; j++) {
            int v = n - j;
            binom = binom * (n - j + 1) / j;
            double below = ((n - nxfl - v) - alpha) / n;
            double above = ((nxfl + v) + alpha) / n;
            sum += binom * Math.pow(below, n - v) * Math.pow(above, v - 1);
        }
        return clip(x * sum);
    }
}
