package io.modeltrust.drift.stats;

import java.util.Arrays;

/**
 * The two exact algorithms scipy 1.10.1 uses for Pr(D_n <= x) in {@code _ksstats.py}: Durbin's
 * matrix method (Marsaglia-Tsang-Wang) and Pomeranz's recursion, ported with numpy's slicing and
 * convolution semantics. scipy keeps some rescaling intermediates in long double; plain doubles
 * here agree to ~1e-14 relative.
 */
final class KolmogorovExactCdf {

    private static final int E128 = 128;
    private static final double EP128 = Math.scalb(1.0, E128);
    private static final double EM128 = Math.scalb(1.0, -E128);

    private KolmogorovExactCdf() {
    }

    /** Pr(D_n <= d) by Durbin's matrix, computing the k-th diagonal entry of H^n by squaring. */
    static double durbinMatrix(long n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;

        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - Math.pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;

        double[] hm = new double[m * m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r * m + i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r * m] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[(m - 1) * m + c] = v[m - 1 - c];
        }

        double[] pwr = new double[m * m];
        for (int i = 0; i < m; i++) {
            pwr[i * m + i] = 1.0;
        }
        long nn = n;
        int expnt = 0;
        int hExpnt = 0;
        double[] tmp = new double[m * m];
        while (nn > 0) {
            if (nn % 2 == 1) {
                multiply(pwr, hm, tmp, m);
                double[] s = pwr;
                pwr = tmp;
                tmp = s;
                expnt += hExpnt;
            }
            multiply(hm, hm, tmp, m);
            double[] s = hm;
            hm = tmp;
            tmp = s;
            hExpnt *= 2;
            if (Math.abs(hm[(k - 1) * m + (k - 1)]) > EP128) {
                for (int i = 0; i < hm.length; i++) {
                    hm[i] /= EP128;
                }
                hExpnt += E128;
            }
            nn /= 2;
        }

        double p = pwr[(k - 1) * m + (k - 1)];
        for (long i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                expnt -= E128;
            }
        }
        if (expnt != 0) {
            p = Math.scalb(p, expnt);
        }
        return clip(p);
    }

    private static void multiply(double[] a, double[] b, double[] out, int m) {
        Arrays.fill(out, 0.0);
        for (int i = 0; i < m; i++) {
            int row = i * m;
            for (int l = 0; l < m; l++) {
                double ail = a[row + l];
                if (ail == 0.0) {
                    continue;
                }
                int brow = l * m;
                for (int j = 0; j < m; j++) {
                    out[row + j] += ail * b[brow + j];
                }
            }
        }
    }

    /** Pr(D_n <= x) by Pomeranz's recursion (scipy uses it only for n <= 140). */
    static double pomeranz(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = 1.0 * (t - ll);
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        int expnt = 0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }

        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int[] j12 = pomeranzJ1J2(0, n, ll, ceilf, roundf);
        int j1 = j12[0];
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j1;
            double[] sv = v0;
            v0 = v1;
            v1 = sv;
            int ss = v0s;
            v0s = v1s;
            v1s = ss;
            Arrays.fill(v1, 0.0);
            j12 = pomeranzJ1J2(i, n, ll, ceilf, roundf);
            j1 = j12[0];
            int j2 = j12[1];
            double[] pwrs = (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0) {
                double[] a = slice(v0, k1 - v0s, k1 - v0s + ln2);
                double[] b = slice(pwrs, 0, ln2);
                double[] conv = convolve(a, b);
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                double[] part = slice(conv, convStart, convStart + convLen);
                System.arraycopy(part, 0, v1, 0, Math.min(part.length, Math.max(convLen, 0)));
                double max = Double.NEGATIVE_INFINITY;
                for (double e : v1) {
                    max = Math.max(max, e);
                }
                if (0 < max && max < EM128) {
                    for (int q = 0; q < v1.length; q++) {
                        v1[q] *= EP128;
                    }
                    expnt -= E128;
                }
                v1s = v0s + j1 - k1;
            }
        }
        double ans = v1[pyIndex(n - v1s, v1.length)];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > EP128) {
                ans *= EM128;
                expnt += E128;
            }
            ans *= m;
        }
        if (expnt != 0) {
            ans = Math.scalb(ans, expnt);
        }
        return clip(ans);
    }

    private static int[] pomeranzJ1J2(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int ip1div2 = (i + 1) / 2;
            int ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0) {
                if (ip1div2 == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, 0.0), 1.0);
    }

    // ---- Python/numpy semantics needed by the Pomeranz port

    private static int pyIndex(int i, int length) {
        return i < 0 ? i + length : i;
    }

    /** {@code a[start:stop]} with Python's negative-index and clamping rules (step 1). */
    private static double[] slice(double[] a, int start, int stop) {
        int len = a.length;
        int s = start < 0 ? Math.max(start + len, 0) : Math.min(start, len);
        int e = stop < 0 ? Math.max(stop + len, 0) : Math.min(stop, len);
        if (e <= s) {
            return new double[0];
        }
        return Arrays.copyOfRange(a, s, e);
    }

    /** Full discrete convolution, {@code numpy.convolve(a, v, mode='full')}. */
    private static double[] convolve(double[] a, double[] v) {
        if (a.length == 0 || v.length == 0) {
            throw new IllegalArgumentException("convolve of an empty array");
        }
        double[] out = new double[a.length + v.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i + j] += a[i] * v[j];
            }
        }
        return out;
    }
}
