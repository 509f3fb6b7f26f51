package io.modeltrust.performance.rows;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.IdHash;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the columns performance needs out of an assembled batch, by role (BatchHeader carries them):
 * prediction, score, label, id, features. Binary predictions and labels are compared with the model's
 * positiveClass as text; multiclass ones become codes of the declared classes ({@link ClassCodes}), with
 * one score column per class named by the model's {@code scores}.
 */
public final class BatchColumns {

    /** Hash given to a row whose id is missing: such a row can never be joined to a label. */
    public static final long NO_ID = 0L;

    private BatchColumns() {
    }

    public static boolean isRegression(AssembledBatch batch) {
        return batch.header().model().task() == Task.REGRESSION;
    }

    public static boolean isMulticlass(AssembledBatch batch) {
        return batch.header().model().task() == Task.MULTICLASS_CLASSIFICATION;
    }

    /** The sliced features of a batch: its FEATURE columns, at most {@link SliceSchema#MAX_FEATURES}. */
    public static List<String> featureNames(AssembledBatch batch) {
        List<String> names = new ArrayList<>();
        for (ColumnSpec spec : batch.columnsWithRole(ColumnRole.FEATURE)) {
            if (names.size() < SliceSchema.MAX_FEATURES) {
                names.add(spec.name());
            }
        }
        return names;
    }

    /**
     * A production (or reference) batch as evaluation rows, ordered by id hash when the model has an id
     * column (the order labels are joined in), else in batch order.
     */
    public static EvaluationRows of(AssembledBatch batch, SliceSchema schema) {
        return of(batch, schema, true);
    }

    /** As {@link #of(AssembledBatch, SliceSchema)}; {@code orderById} false keeps batch order (references). */
    public static EvaluationRows of(AssembledBatch batch, SliceSchema schema, boolean orderById) {
        EvaluationRows rows = isMulticlass(batch) ? multiclass(batch, schema) : binaryOrRegression(batch, schema);
        return rows.idHashes() == null || !orderById ? rows : IdOrder.sortById(rows);
    }

    private static EvaluationRows multiclass(AssembledBatch batch, SliceSchema schema) {
        ModelSpec spec = batch.header().model();
        List<String> classes = spec.classesOrEmpty();
        Column prediction = prediction(batch);
        Column label = role(batch, ColumnRole.LABEL);
        Column id = role(batch, ColumnRole.ID);
        return EvaluationRows.multiclass(batch.rows(), id == null ? null : hashes(id),
                ClassCodes.of(prediction, classes, "prediction"), classScores(batch, spec),
                label == null ? ClassCodes.unknown(batch.rows()) : ClassCodes.of(label, classes, "label"),
                sliceCodes(batch, schema));
    }

    /**
     * [class][row] from the columns the model's {@code scores} names, in the order of its classes; null
     * when it names none. A batch that lacks one of them is refused: ingest sends all of them.
     */
    private static double[][] classScores(AssembledBatch batch, ModelSpec spec) {
        Map<String, String> byClass = spec.scoresOrEmpty();
        if (byClass.isEmpty()) {
            return null;
        }
        List<String> classes = spec.classesOrEmpty();
        double[][] out = new double[classes.size()][];
        for (int c = 0; c < out.length; c++) {
            String name = byClass.get(classes.get(c));
            if (name == null) {
                throw new IllegalArgumentException("the model's scores name no column for class " + classes.get(c));
            }
            Column column = batch.column(name).orElseThrow(() -> new IllegalArgumentException("batch "
                    + batch.batchId() + " lacks the score column " + name));
            out[c] = numbers(column, "score " + name);
        }
        return out;
    }

    private static EvaluationRows binaryOrRegression(AssembledBatch batch, SliceSchema schema) {
        boolean regression = isRegression(batch);
        String positive = batch.header().model().positiveClass();
        int n = batch.rows();
        Column prediction = prediction(batch);
        Column label = role(batch, ColumnRole.LABEL);
        Column score = role(batch, ColumnRole.SCORE);
        Column id = role(batch, ColumnRole.ID);
        boolean[] predictedPositive = regression ? null : positives(prediction, positive, n);
        double[] predicted = regression ? numbers(prediction, "prediction") : null;
        double[] scores = score == null ? null : numbers(score, "score");
        byte[] labelState = null;
        double[] labelValue = null;
        if (regression) {
            labelValue = label == null ? nans(n) : numbers(label, "label").clone();
        } else {
            labelState = states(label, positive, n);
        }
        return new EvaluationRows(regression, n, id == null ? null : hashes(id), predictedPositive,
                predicted, scores, labelState, labelValue, sliceCodes(batch, schema));
    }

    private static Column prediction(AssembledBatch batch) {
        Column prediction = role(batch, ColumnRole.PREDICTION);
        if (prediction == null) {
            throw new IllegalArgumentException("batch " + batch.batchId() + " has no prediction column");
        }
        return prediction;
    }

    private static byte[][] sliceCodes(AssembledBatch batch, SliceSchema schema) {
        byte[][] codes = new byte[schema.size()][];
        for (int f = 0; f < schema.size(); f++) {
            String name = schema.columns().get(f).name();
            Column c = batch.column(name).orElseThrow(() ->
                    new IllegalArgumentException("batch " + batch.batchId() + " lacks feature " + name));
            codes[f] = schema.encode(f, c);
        }
        return codes;
    }

    static Column role(AssembledBatch batch, ColumnRole role) {
        List<ColumnSpec> specs = batch.columnsWithRole(role);
        return specs.isEmpty() ? null : batch.column(specs.get(0).name()).orElse(null);
    }

    /** Label column of a labels batch or the outcome of a batch, as −1/0/1 per row. */
    static byte[] states(Column label, String positiveClass, int n) {
        byte[] out = new byte[n];
        if (label == null) {
            java.util.Arrays.fill(out, EvaluationRows.UNKNOWN);
            return out;
        }
        if (label instanceof CategoricalColumn c) {
            byte[] byCode = new byte[c.dictionary().length];
            for (int code = 0; code < byCode.length; code++) {
                byCode[code] = (byte) (c.dictionary()[code].equals(positiveClass) ? 1 : 0);
            }
            int[] codes = c.codes();
            for (int i = 0; i < n; i++) {
                out[i] = codes[i] < 0 ? EvaluationRows.UNKNOWN : byCode[codes[i]];
            }
            return out;
        }
        double[] values = ((NumericColumn) label).values();
        double positive = number(positiveClass);
        for (int i = 0; i < n; i++) {
            out[i] = Double.isNaN(values[i]) ? EvaluationRows.UNKNOWN : (byte) (values[i] == positive ? 1 : 0);
        }
        return out;
    }

    private static boolean[] positives(Column prediction, String positiveClass, int n) {
        byte[] states = states(prediction, positiveClass, n);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = states[i] == 1;
        }
        return out;
    }

    static double[] numbers(Column column, String what) {
        if (column instanceof NumericColumn n) {
            return n.values();
        }
        throw new IllegalArgumentException("the " + what + " column is not numeric");
    }

    private static double number(String positiveClass) {
        try {
            return Double.parseDouble(positiveClass);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double[] nans(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    /** IdHash per row; each distinct id is hashed once. */
    static long[] hashes(Column id) {
        if (!(id instanceof CategoricalColumn c)) {
            throw new IllegalArgumentException("the id column is not categorical");
        }
        long[] byCode = new long[c.dictionary().length];
        for (int code = 0; code < byCode.length; code++) {
            byCode[code] = IdHash.of(c.dictionary()[code]);
        }
        int[] codes = c.codes();
        long[] out = new long[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] < 0 ? NO_ID : byCode[codes[i]];
        }
        return out;
    }

    /** Whether the model spec can be evaluated: binary needs a positive class, multiclass its classes. */
    public static void requireUsable(ModelSpec spec) {
        if (spec.task() == Task.MULTICLASS_CLASSIFICATION) {
            ClassCodes.requireUsable(spec.classesOrEmpty());
        } else if (spec.task() != Task.REGRESSION && spec.positiveClass() == null) {
            throw new IllegalArgumentException("a classification model needs a positiveClass");
        }
    }
}
