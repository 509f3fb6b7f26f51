package io.modeltrust.performance.metrics;

import io.modeltrust.stats.CompensatedSum;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realised binary classification performance of one batch, as scikit-learn 1.2.1 computes it
 * (docs/metrics.md "Performance").
 *
 * <p>Label metrics use every row. Score metrics use the rows whose score is not NaN and are null when
 * there is no score column or those rows hold a single class.
 *
 * @param rows             rows in the batch
 * @param confusion        tp, fp, tn, fn
 * @param accuracy         accuracy_score
 * @param precision        precision_score, zero_division=0
 * @param recall           recall_score, zero_division=0
 * @param f1               f1_score, zero_division=0
 * @param rocAuc           roc_auc_score
 * @param prAuc            average_precision_score
 * @param logLoss          log_loss with scores clipped to [1e-15, 1 − 1e-15]
 * @param brier            brier_score_loss; also null when a score lies outside [0, 1] (sklearn raises)
 * @param ks               max over roc_curve points of TPR − FPR
 * @param gini             2·rocAuc − 1
 * @param accuracyInterval Wilson 95% interval of accuracy
 * @param rocAucInterval   DeLong 95% interval of rocAuc clipped to [0, 1]; null with fewer than two
 *                         scored positives or negatives
 */
public record ClassificationMetrics(
        long rows,
        ConfusionMatrix confusion,
        double accuracy,
        double precision,
        double recall,
        double f1,
        Double rocAuc,
        Double prAuc,
        Double logLoss,
        Double brier,
        Double ks,
        Double gini,
        Interval accuracyInterval,
        Interval rocAucInterval) {

    static final double LOG_LOSS_EPS = 1e-15;

    /**
     * @param actualPositive    label == positiveClass, per row
     * @param predictedPositive prediction == positiveClass, per row
     * @param score             score (probability of the positive class) per row, NaN = missing; null
     *                          when the model has no score
     */
    public static ClassificationMetrics compute(boolean[] actualPositive, boolean[] predictedPositive,
                                                double[] score) {
        if (actualPositive.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        ConfusionMatrix cm = ConfusionMatrix.of(actualPositive, predictedPositive);
        Double rocAuc = null;
        Double prAuc = null;
        Double logLoss = null;
        Double brier = null;
        Double ks = null;
        Double gini = null;
        Interval aucInterval = null;
        if (score != null) {
            ScoreRanking.Result ranking = ScoreRanking.compute(actualPositive, score);
            if (ranking != null) {
                rocAuc = ranking.rocAuc();
                prAuc = ranking.prAuc();
                ks = ranking.ks();
                gini = 2 * ranking.rocAuc() - 1;
                aucInterval = ranking.rocAucInterval();
                double[] losses = probabilityLosses(actualPositive, score);
                logLoss = losses[0];
                brier = Double.isNaN(losses[1]) ? null : losses[1];
            }
        }
        return new ClassificationMetrics(actualPositive.length, cm, cm.accuracy(), cm.precision(),
                cm.recall(), cm.f1(), rocAuc, prAuc, logLoss, brier, ks, gini,
                ConfidenceIntervals.wilson(cm.correct(), cm.total()), aucInterval);
    }

    /**
     * {logLoss, brier} over rows with a score; brier is NaN when a score is outside [0, 1]. The clipped
     * pair (1 − p, p) is renormalised by its sum before the log, as sklearn's log_loss does.
     */
    private static double[] probabilityLosses(boolean[] actualPositive, double[] score) {
        CompensatedSum logLoss = new CompensatedSum();
        CompensatedSum squares = new CompensatedSum();
        boolean inUnitRange = true;
        long n = 0;
        for (int i = 0; i < score.length; i++) {
            double s = score[i];
            if (Double.isNaN(s)) {
                continue;
            }
            n++;
            boolean y = actualPositive[i];
            if (s < 0 || s > 1) {
                inUnitRange = false;
            }
            double p = Math.min(Math.max(s, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            double q = 1 - p;
            logLoss.add(-Math.log((y ? p : q) / (q + p)));
            double e = (y ? 1.0 : 0.0) - s;
            squares.add(e * e);
        }
        return new double[] {logLoss.value() / n, inUnitRange ? squares.value() / n : Double.NaN};
    }

    /** The metrics that have a value, by docs/metrics.md name, for {@link MetricChange#compare}. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", f1);
        putIfPresent(m, "rocAuc", rocAuc);
        putIfPresent(m, "prAuc", prAuc);
        putIfPresent(m, "logLoss", logLoss);
        putIfPresent(m, "brier", brier);
        putIfPresent(m, "ks", ks);
        putIfPresent(m, "gini", gini);
        return m;
    }

    static void putIfPresent(Map<String, Double> m, String name, Double value) {
        if (value != null) {
            m.put(name, value);
        }
    }
}
