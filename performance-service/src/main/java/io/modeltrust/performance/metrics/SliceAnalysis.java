package io.modeltrust.performance.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Where it got worse": per-slice accuracy (classification) or MAE (regression) of a batch against the
 * same slices of the reference data.
 *
 * <p>Usage: once per reference, {@code profile(referenceFeatures, metric, referenceOutcome)}; per batch,
 * {@code worstSlices(batchFeatures, batchOutcome, referenceSlices)}. Numeric features of both sides must
 * use the same reference edges.
 */
public final class SliceAnalysis {

    public static final int DEFAULT_MIN_BATCH_ROWS = 30;
    public static final int DEFAULT_TOP = 3;

    private SliceAnalysis() {
    }

    /** Outcome for ACCURACY: 1 where the prediction is right, 0 where it is wrong. */
    public static double[] correctness(boolean[] actualPositive, boolean[] predictedPositive) {
        if (actualPositive.length != predictedPositive.length) {
            throw new IllegalArgumentException("actualPositive and predictedPositive differ in length");
        }
        double[] out = new double[actualPositive.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = actualPositive[i] == predictedPositive[i] ? 1.0 : 0.0;
        }
        return out;
    }

    /** Outcome for MAE: |y − ŷ|, NaN where either is missing. */
    public static double[] absoluteErrors(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual and predicted differ in length");
        }
        double[] out = new double[actual.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(predicted[i] - actual[i]);
        }
        return out;
    }

    /** Reference side: the figure of every non-empty slice of every feature. */
    public static ReferenceSlices profile(List<? extends SliceFeature> features, SliceMetric metric,
                                          double[] outcome) {
        return new ReferenceSlices(metric, stats(features, outcome));
    }

    /** Non-empty slices of every feature with their row count and mean outcome; NaN outcomes are skipped. */
    public static List<SliceStat> stats(List<? extends SliceFeature> features, double[] outcome) {
        List<SliceStat> out = new ArrayList<>();
        for (SliceFeature f : features) {
            if (f.rows() != outcome.length) {
                throw new IllegalArgumentException("feature " + f.name() + " has " + f.rows()
                        + " rows, outcome has " + outcome.length);
            }
            String[] labels = f.sliceLabels();
            long[] rows = new long[labels.length];
            double[] sums = new double[labels.length];
            accumulate(f, outcome, rows, sums);
            for (int s = 0; s < labels.length; s++) {
                if (rows[s] > 0) {
                    out.add(new SliceStat(f.name(), labels[s], rows[s], sums[s] / rows[s]));
                }
            }
        }
        return out;
    }

    public static SliceReport worstSlices(List<? extends SliceFeature> features, double[] outcome,
                                          ReferenceSlices reference) {
        return worstSlices(features, outcome, reference, DEFAULT_MIN_BATCH_ROWS, DEFAULT_TOP);
    }

    /**
     * The {@code top} slices with at least {@code minBatchRows} batch rows, present in the reference, that
     * got worse the most (largest accuracy drop or MAE rise, absolute); ties by more batch rows, then
     * by feature and slice label.
     */
    public static SliceReport worstSlices(List<? extends SliceFeature> features, double[] outcome,
                                          ReferenceSlices reference, int minBatchRows, int top) {
        SliceMetric metric = reference.metric();
        Map<String, SliceStat> byKey = new HashMap<>();
        for (SliceStat r : reference.slices()) {
            byKey.put(key(r.feature(), r.slice()), r);
        }
        List<SliceFinding> worse = new ArrayList<>();
        for (SliceStat b : stats(features, outcome)) {
            SliceStat r = byKey.get(key(b.feature(), b.slice()));
            if (r == null || b.rows() < minBatchRows || metric.worsening(b.value(), r.value()) <= 0) {
                continue;
            }
            worse.add(new SliceFinding(b.feature(), b.slice(), b.rows(), b.value(), r.rows(), r.value(),
                    b.value() - r.value()));
        }
        worse.sort(Comparator
                .comparingDouble((SliceFinding f) -> -metric.worsening(f.batchValue(), f.referenceValue()))
                .thenComparing(Comparator.comparingLong(SliceFinding::batchRows).reversed())
                .thenComparing(SliceFinding::feature)
                .thenComparing(SliceFinding::slice));
        List<SliceFinding> worst = worse.subList(0, Math.min(top, worse.size()));
        return new SliceReport(metric, worst, summary(metric, worst, minBatchRows));
    }

    static String summary(SliceMetric metric, List<SliceFinding> worst, int minBatchRows) {
        if (worst.isEmpty()) {
            return String.format(Locale.US, "No slice with at least %,d batch rows did worse than in the reference.",
                    minBatchRows);
        }
        SliceFinding w = worst.get(0);
        String what = metric == SliceMetric.ACCURACY ? "Accuracy fell" : "Mean absolute error rose";
        return String.format(Locale.US, "%s most for %s: %s on %,d batch rows versus %s in the reference.",
                what, w.slice(), SliceLabels.value(metric, w.batchValue()), w.batchRows(),
                SliceLabels.value(metric, w.referenceValue()));
    }

    private static String key(String feature, String slice) {
        return feature + '\u0000' + slice;
    }

    private static void accumulate(SliceFeature f, double[] outcome, long[] rows, double[] sums) {
        if (f instanceof SliceFeature.Numeric num) {
            accumulateNumeric(num.values(), num.edges(), outcome, rows, sums);
        } else if (f instanceof SliceFeature.Categorical cat) {
            accumulateCategorical(cat, outcome, rows, sums);
        }
    }

    private static void accumulateNumeric(double[] values, double[] edges, double[] outcome, long[] rows,
                                          double[] sums) {
        final int missing = edges.length + 1;
        for (int i = 0; i < values.length; i++) {
            double o = outcome[i];
            if (Double.isNaN(o)) {
                continue;
            }
            double x = values[i];
            int bin;
            if (Double.isNaN(x)) {
                bin = missing;
            } else {
                // searchsorted(side='left') = number of edges strictly below x; ≤ 9 edges, so count them.
                bin = 0;
                for (double e : edges) {
                    bin += e < x ? 1 : 0;
                }
            }
            rows[bin]++;
            sums[bin] += o;
        }
    }

    private static void accumulateCategorical(SliceFeature.Categorical cat, double[] outcome, long[] rows,
                                              double[] sums) {
        int[] codes = cat.codes();
        final int missing = cat.dictionary().length;
        for (int i = 0; i < codes.length; i++) {
            double o = outcome[i];
            if (Double.isNaN(o)) {
                continue;
            }
            int c = codes[i];
            if (c < -1 || c >= missing) {
                throw new IllegalArgumentException("code " + c + " of " + cat.name() + " at row " + i
                        + " is outside its dictionary");
            }
            int bin = c < 0 ? missing : c;
            rows[bin]++;
            sums[bin] += o;
        }
    }
}
