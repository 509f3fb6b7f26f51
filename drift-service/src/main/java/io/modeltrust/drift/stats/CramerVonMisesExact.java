package io.modeltrust.drift.stats;

import java.util.Arrays;

/**
 * Exact p-value of the two-sample Cramér-von Mises statistic, as scipy's
 * {@code _pval_cvm_2samp_exact} (Xiao, Gordon and Yakovlev 2006, Algorithm 1): the frequency table of
 * the sums of squared lattice-path deviations, built cell by cell. Meant for scipy's exact range
 * (both samples of at most 20 values, at most C(40, 20) paths, so counts fit a long).
 */
final class CramerVonMisesExact {

    private CramerVonMisesExact() {
    }

    /** Sorted distinct values with their frequencies. */
    private record Table(long[] values, long[] freqs) {
        static final Table EMPTY = new Table(new long[0], new long[0]);
    }

    /**
     * @param u4 4·U, U = m·Σ(r_x,i − i)² + n·Σ(r_y,j − j)² (midranks make U a multiple of 1/4)
     * @param m  size of the first sample
     * @param n  size of the second sample
     * @return the share of the C(m+n, m) lattice paths whose statistic is at least the observed one
     */
    static double pValue(long u4, int m, int n) {
        long lcm = (long) m / gcd(m, n) * n;
        long a = lcm / m;
        long b = lcm / n;
        long mn = (long) m * n;
        // scipy: zeta = lcm^2 (m+n) (6 U - mn (4 mn - 1)) // (6 mn^2); with U = u4/4 every term is an
        // exact integer after multiplying numerator and denominator by 2
        long numerator = lcm * lcm * (m + n) * (3 * u4 - 2 * mn * (4 * mn - 1));
        long zeta = Math.floorDiv(numerator, 12 * mn * mn);

        Table[] row = new Table[m + 1];
        Arrays.fill(row, Table.EMPTY);
        row[0] = new Table(new long[] {0}, new long[] {1});
        for (int u = 0; u <= n; u++) {
            Table[] next = new Table[m + 1];
            Table left = Table.EMPTY;
            for (int v = 0; v <= m; v++) {
                long step = a * v - b * u;
                left = mergeShifted(left, row[v], step * step, Math.max(zeta, 0));
                next[v] = left;
            }
            row = next;
        }
        Table last = row[m];
        long atLeast = 0;
        for (int i = 0; i < last.values.length; i++) {
            if (last.values[i] >= zeta) {
                atLeast += last.freqs[i];
            }
        }
        return atLeast / binomial(m + n, m);
    }

    /**
     * The union of two cells' tables (frequencies of equal values added), shifted by {@code by}.
     * Values only grow along a path, so every value at or above {@code cap} (zeta) is already
     * counted in the p-value: those are kept as one entry at {@code cap}, which keeps the tables
     * small without changing the result.
     */
    private static Table mergeShifted(Table p, Table q, long by, long cap) {
        long[] values = new long[p.values.length + q.values.length];
        long[] freqs = new long[values.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < p.values.length || j < q.values.length) {
            long v;
            long f;
            if (j >= q.values.length || (i < p.values.length && p.values[i] < q.values[j])) {
                v = p.values[i];
                f = p.freqs[i++];
            } else if (i >= p.values.length || q.values[j] < p.values[i]) {
                v = q.values[j];
                f = q.freqs[j++];
            } else {
                v = p.values[i];
                f = p.freqs[i++] + q.freqs[j++];
            }
            v = Math.min(v + by, cap);
            if (k > 0 && values[k - 1] == v) {
                freqs[k - 1] += f;
            } else {
                values[k] = v;
                freqs[k++] = f;
            }
        }
        return new Table(Arrays.copyOf(values, k), Arrays.copyOf(freqs, k));
    }

    private static double binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    private static long gcd(long x, long y) {
        while (y != 0) {
            long r = x % y;
            x = y;
            y = r;
        }
        return x;
    }
}
