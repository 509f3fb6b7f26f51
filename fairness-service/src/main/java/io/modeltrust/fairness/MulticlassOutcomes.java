package io.modeltrust.fairness;

import io.modeltrust.fairness.metrics.NumericBuckets;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.NumericColumn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A multiclass batch's predictions and labels as class indices, binarised on the favourable class
 * for the fairness figures, with each row's correctness kept apart for the multiclass accuracy.
 *
 * @param predictedPositive predicted as the favourable class
 * @param labelState        1 actually the favourable class, 0 another class, -1 unknown
 * @param predictedClasses  index into the model's classes, -1 for a missing prediction
 * @param correct           1 predicted class = label, 0 not (a missing prediction is never right), -1 unknown
 */
public record MulticlassOutcomes(boolean[] predictedPositive, byte[] labelState, int[] predictedClasses, byte[] correct) {

    /**
     * @param label the label column, or null when the batch has none (every label unknown)
     * @throws IllegalArgumentException when a value is none of the classes: ingest refuses those, so
     *                                  one here means the batch is not what the model declares
     */
    static MulticlassOutcomes of(List<String> classes, String favorableClass, Column prediction, Column label, int rows) {
        int favorable = classes.indexOf(favorableClass);
        if (favorable < 0) {
            throw new IllegalArgumentException("favourable class " + favorableClass + " is none of " + classes);
        }
        int[] predicted = classIndices(prediction, classes, "prediction", rows);
        int[] actual;
        if (label == null) {
            actual = new int[rows];
            Arrays.fill(actual, -1);
        } else {
            actual = classIndices(label, classes, "label", rows);
        }
        boolean[] positive = new boolean[rows];
        byte[] state = new byte[rows];
        byte[] correct = new byte[rows];
        for (int i = 0; i < rows; i++) {
            int p = predicted[i];
            int y = actual[i];
            positive[i] = p == favorable;
            state[i] = y < 0 ? -1 : (byte) (y == favorable ? 1 : 0);
            correct[i] = correct(p, y);
        }
        return new MulticlassOutcomes(positive, state, predicted, correct);
    }

    /** 1 when the predicted class is the label, 0 when not, -1 when the label is unknown. */
    public static byte correct(int predictedClass, int labelClass) {
        return labelClass < 0 ? -1 : (byte) (predictedClass >= 0 && predictedClass == labelClass ? 1 : 0);
    }

    /**
     * Class index of every dictionary entry, -2 for a value that is none of the classes (ingest
     * publishes values spelled as the classes are declared, so equal strings are the match).
     */
    public static int[] classIndexOf(String[] dictionary, List<String> classes) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.putIfAbsent(classes.get(c), c);
        }
        int[] out = new int[dictionary.length];
        for (int d = 0; d < dictionary.length; d++) {
            Integer c = index.get(dictionary[d]);
            out[d] = c == null ? -2 : c;
        }
        return out;
    }

    private static int[] classIndices(Column column, List<String> classes, String what, int rows) {
        if (column.size() != rows) {
            throw new IllegalArgumentException(what + " column has " + column.size() + " values for " + rows + " rows");
        }
        String[] dictionary;
        int[] codes;
        if (column instanceof CategoricalColumn c) {
            dictionary = c.dictionary();
            codes = c.codes();
        } else {
            double[] values = ((NumericColumn) column).values();
            Map<String, Integer> seen = new HashMap<>();
            codes = new int[rows];
            for (int i = 0; i < rows; i++) {
                codes[i] = Double.isNaN(values[i]) ? -1
                        : seen.computeIfAbsent(NumericBuckets.formatEdge(values[i]), k -> seen.size());
            }
            dictionary = new String[seen.size()];
            seen.forEach((k, v) -> dictionary[v] = k);
        }
        int[] byCode = classIndexOf(dictionary, classes);
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            int code = codes[i];
            if (code < 0) {
                out[i] = -1;
                continue;
            }
            int c = byCode[code];
            if (c < 0) {
                throw new IllegalArgumentException(what + " value " + dictionary[code] + " in row " + i
                        + " is none of the classes " + classes);
            }
            out[i] = c;
        }
        return out;
    }
}
