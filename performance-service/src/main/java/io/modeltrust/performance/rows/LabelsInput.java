package io.modeltrust.performance.rows;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.util.Arrays;
import java.util.List;

/**
 * A labels batch ready to join: distinct id hashes in ascending order with their labels (for an id
 * given twice the later row wins). Rows without an id or a label are left out and counted.
 *
 * @param rows       rows in the labels batch
 * @param unusable   rows without an id or without a label
 * @param idHashes   distinct IdHash values, ascending
 * @param states     classification label per id: binary 0/1, multiclass the class code; else null
 * @param values     regression label per id, else null
 * @param task       the model's task as the labels batch states it
 * @param classes    multiclass: the declared classes the codes index; empty for the other tasks
 */
public record LabelsInput(int rows, int unusable, long[] idHashes, byte[] states, double[] values, Task task,
                          List<String> classes) {

    public LabelsInput {
        classes = List.copyOf(classes);
    }

    public static LabelsInput of(AssembledBatch batch) {
        if (batch.kind() != BatchKind.LABELS) {
            throw new IllegalArgumentException("batch " + batch.batchId() + " is not a labels batch");
        }
        boolean regression = BatchColumns.isRegression(batch);
        int n = batch.rows();
        Column id = BatchColumns.role(batch, ColumnRole.ID);
        Column label = BatchColumns.role(batch, ColumnRole.LABEL);
        if (id == null || label == null) {
            throw new IllegalArgumentException("labels batch " + batch.batchId() + " needs an id and a label column");
        }
        long[] hashes = BatchColumns.hashes(id);
        ModelSpec spec = batch.header().model();
        boolean multiclass = spec.task() == Task.MULTICLASS_CLASSIFICATION;
        List<String> classes = multiclass ? spec.classesOrEmpty() : List.of();
        if (multiclass) {
            ClassCodes.requireUsable(classes);
        }
        byte[] states = regression ? null : multiclass ? ClassCodes.of(label, classes, "label")
                : BatchColumns.states(label, spec.positiveClass(), n);
        double[] values = regression ? BatchColumns.numbers(label, "label") : null;
        int[] idMissing = id instanceof io.modeltrust.model.batch.CategoricalColumn c ? c.codes() : new int[n];
        int[] order = IdOrder.order(hashes);
        long[] outIds = new long[n];
        byte[] outStates = regression ? null : new byte[n];
        double[] outValues = regression ? new double[n] : null;
        int m = 0;
        int unusable = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            boolean known = regression ? !Double.isNaN(values[i]) : states[i] != EvaluationRows.UNKNOWN;
            if (idMissing[i] < 0 || !known) {
                unusable++;
                continue;
            }
            // Same hash as the previous kept row: a repeated id, the later row (stable order) wins.
            int at = m > 0 && outIds[m - 1] == hashes[i] ? m - 1 : m++;
            outIds[at] = hashes[i];
            if (regression) {
                outValues[at] = values[i];
            } else {
                outStates[at] = states[i];
            }
        }
        return new LabelsInput(n, unusable, Arrays.copyOf(outIds, m),
                regression ? null : Arrays.copyOf(outStates, m), regression ? Arrays.copyOf(outValues, m) : null,
                spec.task(), classes);
    }

    public int distinctIds() {
        return idHashes.length;
    }

    public boolean regression() {
        return values != null;
    }
}
