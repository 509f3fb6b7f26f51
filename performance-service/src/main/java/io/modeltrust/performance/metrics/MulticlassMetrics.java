package io.modeltrust.performance.metrics;

import io.modeltrust.stats.CompensatedSum;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realised multiclass performance of one batch, as scikit-learn 1.2.1 computes it with labels = the
 * model's declared classes and zero_division=0 (docs/metrics.md "Multiclass performance").
 *
 * <p>Classes are codes 0..k−1 in the model's declared order; every array below is in that order. Rows
 * whose label is missing (code −1) are left out of everything. Score metrics also leave out rows with
 * any NaN score, so that every class column is ranked over the same rows.
 *
 * <p>Deviations from a literal reading of docs/metrics.md, each where scikit-learn itself would raise:
 * <ul>
 * <li>{@code rocAucOvr}: sklearn demands {@code labels} sorted (it raises "must be ordered" for declared
 * orders such as "10","2","1.5") and rows summing to 1 within {@code np.allclose} (1e-5), whereas
 * ingest accepts sums within 0.001. Macro OvR AUC is the mean of the per-class binary AUCs of column c
 * against y = c, which does not depend on column order and never normalises, so that mean is computed
 * directly. It is null when any declared class is absent from the scored labels, where sklearn's
 * per-class AUC raises ("Only one class present").</li>
 * <li>{@code logLoss}: the literal {@code log_loss(y, S′)} raises when a declared class is absent from
 * y (column count ≠ classes in y); this is {@code log_loss(y, S′, labels=sorted classes)}, which is the
 * same whenever the literal call works. The clip of 1.2.1's default {@code eps="auto"} is float64's
 * machine epsilon, not the 1e-15 that docs/metrics.md pins for binary. The value needs no column reordering
 * in Java: clip is per element and renormalisation per row, and the loss picks the true class's column,
 * so the sorted order S′ only matters to sklearn's LabelBinarizer.</li>
 * </ul>
 *
 * @param rows              labelled rows
 * @param confusionMatrix   confusion_matrix(labels=classes): [true][predicted]
 * @param accuracy          accuracy_score
 * @param macroPrecision    precision_score(average='macro'): unweighted mean over all k classes
 * @param macroRecall       recall_score(average='macro')
 * @param macroF1           f1_score(average='macro'): mean of the per-class F1, not F1 of the means
 * @param weightedPrecision precision_score(average='weighted'): weights = support
 * @param weightedRecall    recall_score(average='weighted')
 * @param weightedF1        f1_score(average='weighted')
 * @param precision         per class, precision_recall_fscore_support(average=None)
 * @param recall            per class
 * @param f1                per class
 * @param support           per class: labelled rows of that class
 * @param rocAucOvr         macro one-vs-rest ROC AUC; null without scores or when a class is absent
 * @param logLoss           log_loss; null without scores or with fewer than 2 classes in the scored labels
 * @param accuracyInterval  Wilson 95% interval of accuracy
 * @param macroF1Interval   delta-method 95% interval of macroF1 ({@link MacroF1Interval}); null for n &lt; 2
 */
public record MulticlassMetrics(
        long rows,
        long[][] confusionMatrix,
        double accuracy,
        double macroPrecision,
        double macroRecall,
        double macroF1,
        double weightedPrecision,
        double weightedRecall,
        double weightedF1,
        double[] precision,
        double[] recall,
        double[] f1,
        long[] support,
        Double rocAucOvr,
        Double logLoss,
        Interval accuracyInterval,
        Interval macroF1Interval) {

    /** np.finfo(np.float64).eps: what log_loss's default eps="auto" clips with in scikit-learn 1.2.1. */
    static final double LOG_LOSS_EPS = Math.ulp(1.0);

    /**
     * @param k             number of declared classes
     * @param truth         label code per row, −1 = no label
     * @param predicted     predicted class code per row, 0..k−1
     * @param scoresByClass scoresByClass[c][row] = score of class c, NaN = missing; null without scores
     * @return null when no row has a label
     * @throws IllegalArgumentException on mismatched lengths or a code outside the classes
     */
    public static MulticlassMetrics compute(int k, int[] truth, int[] predicted, double[][] scoresByClass) {
        validate(k, truth, predicted, scoresByClass);
        long[][] cm = new long[k][k];
        long n = 0;
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            if (t >= 0) {
                cm[t][predicted[i]]++;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        long correct = 0;
        long[] support = new long[k];
        long[] predictedCount = new long[k];
        for (int t = 0; t < k; t++) {
            correct += cm[t][t];
            for (int p = 0; p < k; p++) {
                support[t] += cm[t][p];
                predictedCount[p] += cm[t][p];
            }
        }
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        for (int c = 0; c < k; c++) {
            precision[c] = ConfusionMatrix.precision(cm[c][c], predictedCount[c] - cm[c][c]);
            recall[c] = ConfusionMatrix.recall(cm[c][c], support[c] - cm[c][c]);
            f1[c] = ConfusionMatrix.f1(precision[c], recall[c]);
        }
        Double rocAucOvr = null;
        Double logLoss = null;
        if (scoresByClass != null) {
            ScoredRows scored = ScoredRows.of(k, truth, scoresByClass);
            if (scored.classesPresent() >= 2) {
                logLoss = logLoss(scored);
                rocAucOvr = scored.classesPresent() == k ? rocAucOvr(scored) : null;
            }
        }
        return new MulticlassMetrics(n, cm, (double) correct / n,
                mean(precision), mean(recall), mean(f1),
                weighted(precision, support), weighted(recall, support), weighted(f1, support),
                precision, recall, f1, support, rocAucOvr, logLoss,
                ConfidenceIntervals.wilson(correct, n), MacroF1Interval.delta(cm));
    }

    private static void validate(int k, int[] truth, int[] predicted, double[][] scoresByClass) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predicted differ in length: "
                    + truth.length + " vs " + predicted.length);
        }
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < -1 || truth[i] >= k || predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException("row " + i + ": truth " + truth[i] + " / predicted "
                        + predicted[i] + " outside the " + k + " classes");
            }
        }
        if (scoresByClass != null) {
            if (scoresByClass.length != k) {
                throw new IllegalArgumentException(scoresByClass.length + " score columns for " + k + " classes");
            }
            for (double[] column : scoresByClass) {
                if (column.length != truth.length) {
                    throw new IllegalArgumentException("a score column has " + column.length + " rows, not "
                            + truth.length);
                }
            }
        }
    }

    /** Sequential sum then divide, as np.mean does for arrays shorter than its pairwise block. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** np.average(values, weights=support): Σ v·w / Σ w; sklearn returns 0 when Σ w = 0. */
    private static double weighted(double[] values, long[] support) {
        double num = 0;
        double den = 0;
        for (int c = 0; c < values.length; c++) {
            num += values[c] * support[c];
            den += support[c];
        }
        return den == 0 ? 0.0 : num / den;
    }

    /** Mean over rows of −log(clip(s_true) / Σ_c clip(s_c)), clip to [eps, 1 − eps] as sklearn does. */
    private static double logLoss(ScoredRows scored) {
        CompensatedSum loss = new CompensatedSum();
        double hi = 1 - LOG_LOSS_EPS;
        int n = scored.truth().length;
        double[][] s = scored.scores();
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (double[] column : s) {
                rowSum += Math.min(Math.max(column[i], LOG_LOSS_EPS), hi);
            }
            double own = Math.min(Math.max(s[scored.truth()[i]][i], LOG_LOSS_EPS), hi);
            loss.add(-Math.log(own / rowSum));
        }
        return loss.value() / n;
    }

    /** Mean over classes of the binary AUC of column c against y = c, sklearn's _average_binary_score. */
    private static double rocAucOvr(ScoredRows scored) {
        int k = scored.scores().length;
        int[] truth = scored.truth();
        double[] auc = new double[k];
        // Each class's ranking is its own sort of every row: independent, so the classes share the cores.
        java.util.stream.IntStream.range(0, k).parallel().forEach(c -> {
            boolean[] isClass = new boolean[truth.length];
            for (int i = 0; i < truth.length; i++) {
                isClass[i] = truth[i] == c;
            }
            // Every class is present and absent somewhere (k ≥ 2 present), so the ranking is never null.
            auc[c] = ScoreRanking.compute(isClass, scored.scores()[c]).rocAuc();
        });
        return mean(auc);
    }

    /** The labelled rows with every score present, compacted so that all columns share the same rows. */
    private record ScoredRows(int[] truth, double[][] scores, int classesPresent) {

        static ScoredRows of(int k, int[] truth, double[][] scoresByClass) {
            int n = 0;
            boolean[] keep = new boolean[truth.length];
            for (int i = 0; i < truth.length; i++) {
                boolean ok = truth[i] >= 0;
                for (int c = 0; ok && c < k; c++) {
                    ok = !Double.isNaN(scoresByClass[c][i]);
                }
                keep[i] = ok;
                n += ok ? 1 : 0;
            }
            int[] t = new int[n];
            double[][] s = new double[k][n];
            boolean[] present = new boolean[k];
            int j = 0;
            for (int i = 0; i < truth.length; i++) {
                if (keep[i]) {
                    t[j] = truth[i];
                    present[truth[i]] = true;
                    for (int c = 0; c < k; c++) {
                        s[c][j] = scoresByClass[c][i];
                    }
                    j++;
                }
            }
            int classes = 0;
            for (boolean p : present) {
                classes += p ? 1 : 0;
            }
            return new ScoredRows(t, s, classes);
        }
    }

    /**
     * The scalar metrics that have a value, by docs/metrics.md / docs/api.md name, for
     * {@link MetricChange#compare}. perClass and confusionMatrix are the record's arrays.
     */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("macroPrecision", macroPrecision);
        m.put("macroRecall", macroRecall);
        m.put("macroF1", macroF1);
        m.put("weightedPrecision", weightedPrecision);
        m.put("weightedRecall", weightedRecall);
        m.put("weightedF1", weightedF1);
        ClassificationMetrics.putIfPresent(m, "rocAucOvr", rocAucOvr);
        ClassificationMetrics.putIfPresent(m, "logLoss", logLoss);
        return m;
    }
}
