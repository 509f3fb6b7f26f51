package io.modeltrust.fairness.labels;

import io.modeltrust.fairness.FairnessInputs;
import io.modeltrust.fairness.MulticlassOutcomes;
import io.modeltrust.fairness.metrics.NumericBuckets;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of a labels batch, ready to be joined with stored predictions: id hashes sorted
 * ascending (signed) and unique, each with its label's code in {@code dictionary}. Rows without an
 * id or a label are left out; an id given twice keeps its last label.
 */
public record LabelSet(long[] idHashes, int[] labelCodes, String[] dictionary) {

    /** What joining the labels to one batch did. */
    public record Applied(long matchedRows, long changedRows, long labeledRows) {
    }

    public int size() {
        return idHashes.length;
    }

    public static LabelSet of(AssembledBatch labels) {
        CategoricalColumn ids = null;
        Column label = null;
        List<ColumnSpec> specs = labels.header().columns();
        for (int i = 0; i < specs.size(); i++) {
            ColumnSpec s = specs.get(i);
            if (s.role() == ColumnRole.ID && labels.columns().get(i) instanceof CategoricalColumn c) {
                ids = c;
            } else if (s.role() == ColumnRole.LABEL) {
                label = labels.columns().get(i);
            }
        }
        if (ids == null || label == null) {
            throw new IllegalArgumentException("a labels batch needs an id column and a label column");
        }
        String[] dictionary;
        int[] codes;
        if (label instanceof CategoricalColumn c) {
            dictionary = c.dictionary();
            codes = c.codes();
        } else {
            double[] values = ((NumericColumn) label).values();
            Map<String, Integer> seen = new HashMap<>();
            List<String> dict = new ArrayList<>();
            codes = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    codes[i] = -1;
                } else {
                    String text = NumericBuckets.formatEdge(values[i]);
                    codes[i] = seen.computeIfAbsent(text, t -> {
                        dict.add(t);
                        return dict.size() - 1;
                    });
                }
            }
            dictionary = dict.toArray(String[]::new);
        }
        long[] all = FairnessInputs.hashes(ids);
        int[] idCodes = ids.codes();
        int n = 0;
        long[] kept = new long[all.length];
        int[] keptCodes = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            if (idCodes[i] >= 0 && codes[i] >= 0) {
                kept[n] = all[i];
                keptCodes[n++] = codes[i];
            }
        }
        long[] hashes = java.util.Arrays.copyOf(kept, n);
        int[] order = HashSort.order(hashes);
        long[] outHashes = new long[n];
        int[] outCodes = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int row = order[k];
            // stable order: the last of equal hashes is the last given, and it replaces the earlier ones
            if (m > 0 && outHashes[m - 1] == hashes[row]) {
                outCodes[m - 1] = keptCodes[row];
            } else {
                outHashes[m] = hashes[row];
                outCodes[m++] = keptCodes[row];
            }
        }
        return new LabelSet(java.util.Arrays.copyOf(outHashes, m), java.util.Arrays.copyOf(outCodes, m), dictionary);
    }

    /**
     * Sets the label state of every row of {@code sortedHashes} whose id has a label here (merge join
     * of two sorted arrays; duplicate ids in the batch all get the label).
     *
     * @param labelState     the batch's label state per row, updated in place
     * @param favorableClass the batch's favourable (for binary: positive) class
     */
    public Applied applyTo(long[] sortedHashes, byte[] labelState, String favorableClass) {
        return apply(sortedHashes, labelState, FairnessInputs.stateOf(dictionary, favorableClass), null, null, null);
    }

    /**
     * Multiclass: as {@link #applyTo(long[], byte[], String)}, and also each matched row's
     * correctness from its predicted class. A row counts as changed when either changes, so a label
     * corrected from one unfavourable class to another still gives a revision (its accuracy moves).
     *
     * @param correct          per row 1 / 0 / -1, updated in place
     * @param predictedClasses per row, index into {@code classes} (-1 missing)
     * @throws IllegalArgumentException before changing anything when a label is none of the classes
     */
    public Applied applyTo(long[] sortedHashes, byte[] labelState, byte[] correct, int[] predictedClasses,
                           List<String> classes, String favorableClass) {
        int[] classOf = MulticlassOutcomes.classIndexOf(dictionary, classes);
        for (int code : labelCodes) {
            if (classOf[code] < 0) {
                throw new IllegalArgumentException("label " + dictionary[code] + " is none of the classes " + classes);
            }
        }
        int favorable = classes.indexOf(favorableClass);
        byte[] stateOf = new byte[dictionary.length];
        for (int d = 0; d < stateOf.length; d++) {
            stateOf[d] = (byte) (classOf[d] == favorable ? 1 : 0);
        }
        return apply(sortedHashes, labelState, stateOf, correct, predictedClasses, classOf);
    }

    private Applied apply(long[] sortedHashes, byte[] labelState, byte[] stateOf, byte[] correct,
                          int[] predictedClasses, int[] classOf) {
        long matched = 0;
        long changed = 0;
        int j = 0;
        int m = idHashes.length;
        for (int i = 0; i < sortedHashes.length && j < m; i++) {
            long h = sortedHashes[i];
            while (j < m && idHashes[j] < h) {
                j++;
            }
            if (j < m && idHashes[j] == h) {
                matched++;
                int code = labelCodes[j];
                byte s = stateOf[code];
                boolean rowChanged = labelState[i] != s;
                labelState[i] = s;
                if (correct != null) {
                    byte c = MulticlassOutcomes.correct(predictedClasses[i], classOf[code]);
                    rowChanged |= correct[i] != c;
                    correct[i] = c;
                }
                if (rowChanged) {
                    changed++;
                }
            }
        }
        long labeled = 0;
        for (byte b : labelState) {
            if (b >= 0) {
                labeled++;
            }
        }
        return new Applied(matched, changed, labeled);
    }
}
