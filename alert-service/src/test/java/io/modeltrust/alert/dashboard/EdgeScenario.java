package io.modeltrust.alert.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.alert.ResultSender;
import io.modeltrust.alert.Results;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The browser tests' edge cases. A multiclass model (three classes, two batches) whose performance results carry
 * what the performance service publishes for one: the multiclass metrics, per-class figures and a 3 × 3 confusion
 * matrix, every figure derived from the matrix (accuracy, macro and weighted precision/recall/F1 as scikit-learn's
 * precision_recall_fscore_support defines them). And a model whose feature and fairness group are a 5,000-character
 * value, which the pages must cut to fit.
 */
public final class EdgeScenario {

    public static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    public static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");
    /** Rows true class, columns predicted, per batch. */
    public static final long[][][] MATRICES = {
        {{48, 2, 0}, {3, 40, 7}, {0, 2, 18}},
        {{45, 4, 1}, {2, 30, 18}, {1, 4, 15}},
    };
    /** rocAucOvr and logLoss need scores, which a matrix does not hold: fixed values to show. */
    public static final double ROC_AUC_OVR = 0.91;
    public static final double LOG_LOSS = 0.42;
    /**
     * A category value of 5,000 characters with no space to break at. It repeats a 50-character run: the alert
     * service's btree indexes on series paths and alert subjects take a value only while PostgreSQL can compress
     * it under 2,704 bytes, and a random 5,000-character name dead-letters the whole result (a finding for the
     * pipeline, not for the pages this test is about).
     */
    public static final String LONG = longValue(5000);

    private EdgeScenario() {
    }

    private static String longValue(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        Random random = new Random(5000);
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            run.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        StringBuilder out = new StringBuilder("segment_");
        while (out.length() < length) {
            out.append(run);
        }
        out.setLength(length);
        return out.toString();
    }

    public static Instant at(int batch) {
        return T0.plus(Duration.ofHours(batch));
    }

    /** Sends the multiclass model's results; returns how many. */
    public static int sendMulticlass(ResultSender sender, String model) {
        for (int b = 1; b <= MATRICES.length; b++) {
            sender.send(multiclass(model, "mc" + b, at(b), MATRICES[b - 1]));
        }
        return MATRICES.length;
    }

    /** Sends the long-value model's results (drift and fairness of one batch); returns how many. */
    public static int sendLong(ResultSender sender, String model) {
        ObjectNode drift = Results.drift(model, "long1", at(1), List.of("income"));
        ArrayNode features = drift.withArray("features");
        features.addObject().put("feature", LONG).put("type", "categorical").put("test", "chi2").put("statistic", 88.0)
                .put("pValue", 1e-9).put("adjustedPValue", 1e-8).put("psi", 0.61).put("jensenShannon", 0.3).put("drifted", true)
                .put("explanation", LONG + ": 40% of rows now fall in categories the reference rarely had");
        drift.withArray("dataQuality").addObject().put("column", LONG).put("role", "feature").put("type", "categorical")
                .put("referenceMissingShare", 0.0).put("missingShare", 0.2).put("missingShareChange", 0.2)
                .put("outOfRangeShare", 0.0).put("unseenCategoryShare", 0.3);
        drift.put("driftShare", 2.0 / 6).put("driftedFeatures", 2).put("explanation", "2 of 6 features drifted.");
        sender.send(drift);
        ObjectNode fairness = Results.fairness(model, "long1", at(1), 0.3, 0.001);
        ObjectNode attribute = (ObjectNode) fairness.withArray("attributes").get(0);
        ObjectNode female = (ObjectNode) attribute.withArray("groups").get(1);
        female.put("group", LONG);
        sender.send(fairness);
        return 2;
    }

    static ObjectNode multiclass(String model, String batch, Instant at, long[][] m) {
        ObjectNode n = Results.performance(model, batch, at, 1, null, 0, 0);
        int k = CLASSES.size();
        long total = 0;
        long correct = 0;
        long[] rowSum = new long[k];
        long[] colSum = new long[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowSum[i] += m[i][j];
                colSum[j] += m[i][j];
                total += m[i][j];
            }
            correct += m[i][i];
        }
        n.put("task", "multiclass_classification").put("labeledRows", total).put("labelCoverage", 1.0).put("rows", total);
        ObjectNode perClass = n.putObject("perClass");
        double[] macro = new double[3];
        double[] weighted = new double[3];
        for (int c = 0; c < k; c++) {
            double precision = colSum[c] == 0 ? 0 : (double) m[c][c] / colSum[c];
            double recall = rowSum[c] == 0 ? 0 : (double) m[c][c] / rowSum[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.putObject(CLASSES.get(c)).put("precision", precision).put("recall", recall).put("f1", f1)
                    .put("support", rowSum[c]);
            double[] figures = {precision, recall, f1};
            for (int f = 0; f < 3; f++) {
                macro[f] += figures[f] / k;
                weighted[f] += figures[f] * rowSum[c] / total;
            }
        }
        double accuracy = (double) correct / total;
        ObjectNode metrics = n.putObject("metrics").put("accuracy", accuracy).put("macroPrecision", macro[0])
                .put("macroRecall", macro[1]).put("macroF1", macro[2]).put("weightedPrecision", weighted[0])
                .put("weightedRecall", weighted[1]).put("weightedF1", weighted[2]).put("rocAucOvr", ROC_AUC_OVR)
                .put("logLoss", LOG_LOSS);
        n.set("baseline", metrics.deepCopy().put("accuracy", 0.9).put("macroF1", 0.89));
        n.putObject("estimated").put("accuracy", accuracy + 0.01).put("macroF1", macro[2] + 0.01);
        n.putObject("change").putObject("accuracy").put("absolute", accuracy - 0.9).put("relative", (accuracy - 0.9) / 0.9);
        n.putObject("intervals");
        ObjectNode cm = n.putObject("confusionMatrix");
        CLASSES.forEach(cm.putArray("labels")::add);
        ArrayNode rows = cm.putArray("matrix");
        for (long[] row : m) {
            ArrayNode r = rows.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        n.put("explanation", "Accuracy " + Math.round(accuracy * 1000) / 1000.0 + " against 0.9 at reference.");
        return n;
    }
}
