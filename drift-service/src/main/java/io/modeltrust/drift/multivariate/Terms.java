package io.modeltrust.drift.multivariate;

/**
 * The domain classifier's terms of d standardised features: each feature, each square and, for
 * d ≤ {@link DomainClassifier#MAX_PAIRWISE_FEATURES}, each product of two (d + d(d+1)/2 terms, 230 for
 * 20 features); else each feature and its square (2d). Term t is {@code first[t]·second[t]}, with
 * {@code second[t] = -1} for the feature alone.
 */
record Terms(int[] first, int[] second) {

    static Terms of(int d) {
        boolean pairs = d <= DomainClassifier.MAX_PAIRWISE_FEATURES;
        int count = pairs ? d + d * (d + 1) / 2 : 2 * d;
        int[] first = new int[count];
        int[] second = new int[count];
        int t = 0;
        for (int j = 0; j < d; j++) {
            first[t] = j;
            second[t++] = -1;
        }
        for (int j = 0; j < d; j++) {
            for (int k = j; k < (pairs ? d : j + 1); k++) {
                first[t] = j;
                second[t++] = k;
            }
        }
        return new Terms(first, second);
    }

    int count() {
        return first.length;
    }

    /**
     * One row per sampled row, the reference's first: each term of the clipped values, then standardised
     * over all these rows (mean 0, population std 1; a constant term is 0), so the weights compare.
     */
    double[][] expand(DomainSample reference, DomainSample batch) {
        int n = reference.rows();
        int rows = n + batch.rows();
        int p = count();
        double[][] x = new double[rows][p];
        double[] z = new double[reference.features()];
        double[] sum = new double[p];
        for (int r = 0; r < rows; r++) {
            float[][] columns = r < n ? reference.columns() : batch.columns();
            int row = r < n ? r : r - n;
            for (int j = 0; j < z.length; j++) {
                z[j] = Math.max(-DomainClassifier.CLIP, Math.min(DomainClassifier.CLIP, columns[j][row]));
            }
            for (int t = 0; t < p; t++) {
                double v = second[t] < 0 ? z[first[t]] : z[first[t]] * z[second[t]];
                x[r][t] = v;
                sum[t] += v;
            }
        }
        double[] ss = new double[p];
        for (double[] row : x) {
            for (int t = 0; t < p; t++) {
                double dev = row[t] - sum[t] / rows;
                ss[t] += dev * dev;
            }
        }
        for (int t = 0; t < p; t++) {
            double mean = sum[t] / rows;
            double std = Math.sqrt(ss[t] / rows);
            double inv = std > 1e-12 ? 1 / std : 0;
            for (double[] row : x) {
                row[t] = (row[t] - mean) * inv;
            }
        }
        return x;
    }

    /**
     * Per feature, the mean over the folds of each term's absolute weight, a product's shared half
     * and half between its two features: the weights are of standardised terms, so they compare.
     */
    double[] importance(DomainLearner.Fold[] folds) {
        int p = count();
        double[] mean = new double[p];
        for (DomainLearner.Fold f : folds) {
            for (int t = 0; t < p; t++) {
                mean[t] += f.weights()[t] / folds.length;
            }
        }
        int d = 0;
        for (int j : first) {
            d = Math.max(d, j + 1);
        }
        double[] out = new double[d];
        for (int t = 0; t < p; t++) {
            double w = Math.abs(mean[t]);
            if (second[t] < 0 || second[t] == first[t]) {
                out[first[t]] += w;
            } else {
                out[first[t]] += w / 2;
                out[second[t]] += w / 2;
            }
        }
        return out;
    }
}
