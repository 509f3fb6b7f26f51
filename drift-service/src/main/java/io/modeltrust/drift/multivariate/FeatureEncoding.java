package io.modeltrust.drift.multivariate;

import java.util.HashMap;
import java.util.Map;

/**
 * How one feature becomes a standardised column (docs/metrics.md "Multivariate drift"): a missing
 * number takes the reference mean, a missing category the most frequent reference category; a
 * category is encoded by its reference frequency (0 for one the reference never had); then
 * {@code (x - mean) / scale} with the reference's mean and population std of the imputed, encoded
 * column. A constant column gets scale 1, as scikit-learn's StandardScaler does.
 *
 * @param categories  reference categories, null for a numeric feature
 * @param frequencies each category's share of the imputed reference rows, null for a numeric feature
 * @param imputed     the encoded value a missing entry takes
 */
public record FeatureEncoding(String name, boolean numeric, String[] categories, double[] frequencies, double imputed,
                              double mean, double scale) {

    /** Fits the encoding of one reference column. */
    public static FeatureEncoding fit(MultivariateColumn column) {
        if (column instanceof MultivariateColumn.Numeric n) {
            double mean = meanOfPresent(n.values());
            return withMoments(column.name(), true, null, null, mean, n.values(), mean);
        }
        MultivariateColumn.Categorical c = (MultivariateColumn.Categorical) column;
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        long[] perCode = new long[c.dictionary().length];
        long missing = 0;
        for (int code : c.codes()) {
            if (code < 0) {
                missing++;
            } else {
                perCode[code]++;
            }
        }
        for (int i = 0; i < perCode.length; i++) {
            if (perCode[i] > 0) {
                counts.merge(c.dictionary()[i], perCode[i], Long::sum);
            }
        }
        String[] categories = counts.keySet().toArray(new String[0]);
        long[] n = new long[categories.length];
        int mode = -1;
        for (int i = 0; i < categories.length; i++) {
            n[i] = counts.get(categories[i]);
            if (mode < 0 || n[i] > n[mode]) {
                mode = i;
            }
        }
        if (mode >= 0) {
            n[mode] += missing;
        }
        double rows = c.codes().length;
        double[] frequencies = new double[categories.length];
        for (int i = 0; i < categories.length; i++) {
            frequencies[i] = n[i] / rows;
        }
        double imputed = mode >= 0 ? frequencies[mode] : 0.0;
        double[] encoded = new FeatureEncoding(c.name(), false, categories, frequencies, imputed, 0, 1).codeValues(
                c.dictionary());
        double[] values = new double[c.codes().length];
        for (int r = 0; r < values.length; r++) {
            int code = c.codes()[r];
            values[r] = code < 0 ? imputed : encoded[code];
        }
        return withMoments(c.name(), false, categories, frequencies, imputed, values, meanOfPresent(values));
    }

    private static FeatureEncoding withMoments(String name, boolean numeric, String[] categories, double[] frequencies,
                                               double imputed, double[] values, double mean) {
        // Missing entries sit at the mean after imputation: they add rows to the denominator, not to the sum.
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double std = values.length == 0 ? 0 : Math.sqrt(ss / values.length);
        double safeMean = Double.isNaN(mean) ? 0 : mean;
        return new FeatureEncoding(name, numeric, categories, frequencies, Double.isNaN(imputed) ? 0 : imputed, safeMean,
                std > 0 && Double.isFinite(std) ? std : 1.0);
    }

    private static double meanOfPresent(double[] values) {
        double sum = 0;
        long n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The encoded (not yet standardised) value of each entry of a batch's dictionary. */
    double[] codeValues(String[] dictionary) {
        Map<String, Double> byCategory = new HashMap<>(categories.length * 2);
        for (int i = 0; i < categories.length; i++) {
            byCategory.put(categories[i], frequencies[i]);
        }
        double[] out = new double[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) {
            out[i] = byCategory.getOrDefault(dictionary[i], 0.0);
        }
        return out;
    }

    /** A view of a batch column that writes standardised values, block by block. */
    StandardisedColumn standardise(MultivariateColumn column) {
        if (numeric) {
            double[] values = ((MultivariateColumn.Numeric) column).values();
            double inv = 1.0 / scale;
            return (from, len, out) -> {
                for (int i = 0; i < len; i++) {
                    double v = values[from + i];
                    out[i] = ((Double.isNaN(v) ? mean : v) - mean) * inv;
                }
            };
        }
        MultivariateColumn.Categorical c = (MultivariateColumn.Categorical) column;
        double[] byCode = codeValues(c.dictionary());
        for (int i = 0; i < byCode.length; i++) {
            byCode[i] = (byCode[i] - mean) / scale;
        }
        double missing = (imputed - mean) / scale;
        int[] codes = c.codes();
        return (from, len, out) -> {
            for (int i = 0; i < len; i++) {
                int code = codes[from + i];
                out[i] = code < 0 ? missing : byCode[code];
            }
        };
    }

    /** Fills {@code out[0..len)} with the standardised values of rows {@code from..from+len). */
    @FunctionalInterface
    interface StandardisedColumn {
        void fill(int from, int len, double[] out);
    }
}
