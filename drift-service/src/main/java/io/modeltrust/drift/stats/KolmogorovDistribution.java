package io.modeltrust.drift.stats;

/**
 * Survival function of the two-sided one-sample Kolmogorov-Smirnov statistic D_n, i.e.
 * {@code scipy.stats.kstwo.sf(x, n)} of scipy 1.10.1 ({@code scipy/stats/_ksstats.py}), with the
 * same algorithm choice per (n, x) as scipy (Simard and L'Ecuyer 2011): Ruben-Gambino closed forms,
 * Durbin matrix (Marsaglia-Tsang-Wang), Pomeranz recursion, Pelz-Good series and 2 * Smirnov.
 * The two exact CDF algorithms live in {@link KolmogorovExactCdf}.
 */
public final class KolmogorovDistribution {

    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double MIN_LOG = -708;
    private static final double SQRT3 = Math.sqrt(3);
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOUR = Math.pow(Math.PI, 4);
    private static final double PI_SIX = Math.pow(Math.PI, 6);
    private static final double[] STIRLING_COEFFS = {
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2};

    private KolmogorovDistribution() {
    }

    /** {@code scipy.stats.kstwo.sf(x, n)}: Pr(D_n >= x). */
    public static double sf(double x, long n) {
        if (n < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0.5 / n) {
            return 1.0;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        return kolmogn(n, x, false);
    }

    /** {@code scipy.stats.kstwo.cdf(x, n)}: Pr(D_n <= x). */
    public static double cdf(double x, long n) {
        if (n < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0.5 / n) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        return kolmogn(n, x, true);
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, 0.0), 1.0);
    }

    private static double select(double cdfProb, double sfProb, boolean cdf) {
        return clip(cdf ? cdfProb : sfProb);
    }

    static double kolmogn(long n, double x, boolean cdf) {
        if (x >= 1.0) {
            return select(1.0, 0.0, cdf);
        }
        if (x <= 0.0) {
            return select(0.0, 1.0, cdf);
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return select(0.0, 1.0, cdf);
            }
            double prob;
            if (n <= 140) {
                prob = 1.0;
                for (long i = 1; i <= n; i++) {
                    prob *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
            }
            return select(prob, 1.0 - prob, cdf);
        }
        if (t >= n - 1) {
            double prob = 2 * Math.pow(1.0 - x, n);
            return select(1 - prob, prob, cdf);
        }
        if (x >= 0.5) {
            double prob = 2 * Smirnov.sf(n, x);
            return select(1.0 - prob, prob, cdf);
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 0.754693) {
                double prob = KolmogorovExactCdf.durbinMatrix(n, x);
                return select(prob, 1.0 - prob, cdf);
            }
            if (nxSquared <= 4) {
                double prob = KolmogorovExactCdf.pomeranz((int) n, x);
                return select(prob, 1.0 - prob, cdf);
            }
            double prob = 2 * Smirnov.sf(n, x);
            return select(1.0 - prob, prob, cdf);
        }
        if (!cdf) {
            if (nxSquared >= 370.0) {
                return 0.0;
            }
            if (nxSquared >= 2.2) {
                return clip(2 * Smirnov.sf(n, x));
            }
        }
        double cdfProb;
        if (nxSquared >= 18.0) {
            cdfProb = 1.0;
        } else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdfProb = KolmogorovExactCdf.durbinMatrix(n, x);
        } else {
            cdfProb = pelzGood(n, x);
        }
        return select(cdfProb, 1.0 - cdfProb, cdf);
    }

    /** log(n! / n^n) by Stirling's series with the n log n term removed up front. */
    static double logNFactorialDivNPowN(long n) {
        double rn = 1.0 / n;
        double z = rn / n;
        double poly = 0.0;
        for (double c : STIRLING_COEFFS) {
            poly = poly * z + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    /** Pelz-Good approximation of Pr(D_n <= x). */
    static double pelzGood(long n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt(n) * x;
        double zsquared = z * z;
        double zthree = z * z * z;
        double zfour = Math.pow(z, 4);
        double zsix = Math.pow(z, 6);

        double qlog = -PI_SQUARED / 8 / zsquared;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);

        double k1a = -zsquared;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * zsix + 2 * zfour;
        double k2b = (2 * zfour - 5 * zsquared) * PI_SQUARED / 4;
        double k2c = PI_FOUR * (1 - 2 * zsquared) / 16;
        double k3d = PI_SIX * (5 - 30 * zsquared) / 64;
        double k3c = PI_FOUR * (-60 * zsquared + 212 * zfour) / 16;
        double k3b = PI_SQUARED * (135 * zfour - 96 * zsix) / 4;
        double k3a = -30 * zsix - 90 * Math.pow(z, 8);

        double[] k = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int kk = maxk; kk > 0; kk--) {
            double m = 2 * kk - 1;
            double msquared = m * m;
            double mfour = Math.pow(m, 4);
            double msix = Math.pow(m, 6);
            double qpower = Math.pow(q, 8 * kk);
            k[0] = k[0] * qpower + 1.0;
            k[1] = k[1] * qpower + (k1a + k1b * msquared);
            k[2] = k[2] * qpower + (k2a + k2b * msquared + k2c * mfour);
            k[3] = k[3] * qpower + (k3a + k3b * msquared + k3c * mfour + k3d * msix);
        }
        double[] denominators = {z, 6 * zfour, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k[i] = k[i] * q * SQRT2PI / denominators[i];
        }

        double q2 = Math.exp(-PI_SQUARED / 2 / zsquared);
        double sqrt3z = SQRT3 * z;
        double k2extra = 0.0;
        double k3extra = 0.0;
        for (int kk = maxk; kk > 0; kk--) {
            double ksq = (double) kk * kk;
            double qp = Math.pow(q2, ksq);
            double kspi = Math.PI * kk;
            k2extra += ksq * qp;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
        }
        k2extra *= PI_SQUARED * SQRT2PI / (-36 * zthree);
        k[2] += k2extra;
        k3extra *= PI_SQUARED * SQRT2PI / (216 * zsix);
        k[3] += k3extra;
        double sum = 0.0;
        for (int i = 0; i < 4; i++) {
            sum += k[i] / Math.pow(n * 1.0, i / 2.0);
        }
        return sum;
    }
}
