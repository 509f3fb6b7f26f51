package io.modeltrust.performance.metrics;

/**
 * Weighted isotonic (non-decreasing) least squares by pool-adjacent-violators, step for step scikit-learn's
 * {@code _inplace_contiguous_isotonic_regression}: the same pooling order gives the same floating-point
 * means, so the thresholds match sklearn's to the last bits rather than merely to the tolerance.
 */
final class PoolAdjacentViolators {

    private PoolAdjacentViolators() {
    }

    /**
     * Replaces y[0..n) by its isotonic fit. w is overwritten (block weights).
     *
     * <p>target describes the blocks: if [i..j] is a block, target[i] = j and target[j] = i; at a block's
     * start, w is the block's weight and y its weighted mean.
     */
    static void fitInPlace(double[] y, double[] w, int n) {
        int[] target = new int[n];
        for (int i = 0; i < n; i++) {
            target[i] = i;
        }
        int i = 0;
        while (i < n) {
            int k = target[i] + 1;
            if (k == n) {
                break;
            }
            if (y[i] < y[k]) {
                i = k;
                continue;
            }
            double sumWy = w[i] * y[i];
            double sumW = w[i];
            while (true) {
                // Within a decreasing run: pool it into the block starting at i.
                double prevY = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = target[k] + 1;
                if (k == n || prevY < y[k]) {
                    y[i] = sumWy / sumW;
                    w[i] = sumW;
                    target[i] = k - 1;
                    target[k - 1] = i;
                    if (i > 0) {
                        // Step back one block: the pooled mean may now violate the previous block.
                        i = target[i - 1];
                    }
                    break;
                }
            }
        }
        i = 0;
        while (i < n) {
            int k = target[i] + 1;
            for (int j = i + 1; j < k; j++) {
                y[j] = y[i];
            }
            i = k;
        }
    }
}
