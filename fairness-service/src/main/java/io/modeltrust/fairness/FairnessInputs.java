package io.modeltrust.fairness;

import io.modeltrust.fairness.metrics.CategoricalAttribute;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.IdHash;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fairness figures of one batch are computed from, taken out of the batch's columns: the
 * sensitive attributes as dictionary-coded groups (numeric ones already bucketed by the model's
 * edges, missing values as code -1), the decision per row (predicted as the favourable class), the
 * label state per row (1 the favourable class / 0 another / -1 unknown) and, when the model has an
 * id column, the 64-bit id hash per row ({@link IdHash}).
 *
 * <p>A multiclass model also carries each row's predicted class (an index into the model's
 * classes, -1 missing) and whether the prediction equals the label (1 / 0 / -1 unknown): the
 * binarised decision and label state cannot tell a "review" predicted for a "decline" from a right
 * prediction, and accuracy must not count it as one. Both are null for a binary model.
 *
 * <p>Arrays are used as given (a batch may hold a million rows).
 */
public record FairnessInputs(List<CategoricalAttribute> attributes, boolean[] predictedPositive, byte[] labelState,
                             long[] idHashes, int[] predictedClasses, byte[] correct) {

    /** Inputs of a binary model. */
    public FairnessInputs(List<CategoricalAttribute> attributes, boolean[] predictedPositive, byte[] labelState,
                          long[] idHashes) {
        this(attributes, predictedPositive, labelState, idHashes, null, null);
    }

    /** Whether fairness applies to the model at all: a classification model with sensitive attributes. */
    public static boolean applies(ModelSpec spec) {
        return spec != null && spec.task() != null && spec.task().classification()
                && !spec.sensitiveOrEmpty().isEmpty();
    }

    public boolean multiclass() {
        return correct != null;
    }

    /** Whether delayed labels can be joined to this model's predictions (it has an id and a label column). */
    public static boolean joinable(ModelSpec spec) {
        return spec.id() != null && spec.label() != null;
    }

    public int rows() {
        return predictedPositive.length;
    }

    public long labeledRows() {
        long n = 0;
        for (byte b : labelState) {
            if (b >= 0) {
                n++;
            }
        }
        return n;
    }

    /** Inputs of a production or reference batch of a model for which {@link #applies} holds. */
    public static FairnessInputs of(AssembledBatch batch) {
        ModelSpec spec = batch.header().model();
        int rows = batch.rows();
        String favorable = favorableClass(spec);
        Column prediction = batch.column(spec.prediction()).orElseThrow(() ->
                new IllegalArgumentException("batch has no prediction column " + spec.prediction()));
        if (prediction.size() != rows) {
            throw new IllegalArgumentException("prediction column has " + prediction.size() + " values for " + rows + " rows");
        }
        Column label = spec.label() == null ? null : batch.column(spec.label()).orElse(null);
        Map<String, List<Double>> buckets = spec.fairnessOrDefaults().bucketsOrEmpty();
        List<CategoricalAttribute> attributes = new ArrayList<>();
        for (String name : spec.sensitiveOrEmpty()) {
            Column column = SensitiveAttributes.column(batch, name);
            attributes.add(SensitiveAttributes.attribute(name, column, buckets.get(name), rows));
        }
        long[] ids = null;
        if (spec.id() != null) {
            ids = batch.categorical(spec.id()).map(FairnessInputs::hashes).orElse(null);
        }
        if (spec.task() == Task.MULTICLASS_CLASSIFICATION) {
            MulticlassOutcomes o = MulticlassOutcomes.of(spec.classesOrEmpty(), favorable, prediction, label, rows);
            return new FairnessInputs(attributes, o.predictedPositive(), o.labelState(), ids, o.predictedClasses(),
                    o.correct());
        }
        boolean[] predicted = decisions(prediction, favorable);
        byte[] labels = new byte[rows];
        if (label != null) {
            labelStates(label, favorable, labels);
        } else {
            Arrays.fill(labels, (byte) -1);
        }
        return new FairnessInputs(attributes, predicted, labels, ids);
    }

    /**
     * The class whose prediction is the favourable decision: {@code fairness.favorableClass}, which
     * a multiclass model must name among its classes; for a binary model it defaults to the
     * positive class, and a configured one is spelled as the declared class it matches ("1.0" is
     * "1"). A model without one cannot be assessed.
     */
    public static String favorableClass(ModelSpec spec) {
        String configured = spec.fairnessOrDefaults().favorableClass();
        List<String> classes = spec.classesOrEmpty();
        if (spec.task() == Task.MULTICLASS_CLASSIFICATION) {
            if (configured == null || !classes.contains(configured)) {
                throw new IllegalArgumentException("multiclass model without a fairness.favorableClass among its classes "
                        + classes + ": the favourable decision is unknown");
            }
            return configured;
        }
        if (configured == null) {
            if (spec.positiveClass() == null) {
                throw new IllegalArgumentException("model has no positiveClass: the positive decision is unknown");
            }
            return spec.positiveClass();
        }
        if (classes.isEmpty()) {
            return configured;
        }
        for (String c : classes) {
            if (sameClass(c, configured)) {
                return c;
            }
        }
        throw new IllegalArgumentException("fairness.favorableClass " + configured + " is none of the classes " + classes);
    }

    /** Equal strings, or both finite numbers of equal value (the registry's matching of class values). */
    static boolean sameClass(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        double x = parse(a);
        double y = parse(b);
        return Double.isFinite(x) && x == y;
    }

    /** Decision per row: the prediction equals the favourable class (a missing prediction is not favourable). */
    static boolean[] decisions(Column prediction, String favorableClass) {
        boolean[] out = new boolean[prediction.size()];
        if (prediction instanceof CategoricalColumn c) {
            boolean[] favorableCode = matching(c.dictionary(), favorableClass);
            int[] codes = c.codes();
            for (int i = 0; i < out.length; i++) {
                int code = codes[i];
                out[i] = code >= 0 && favorableCode[code];
            }
        } else {
            double p = parse(favorableClass);
            double[] v = ((NumericColumn) prediction).values();
            for (int i = 0; i < out.length; i++) {
                out[i] = v[i] == p;
            }
        }
        return out;
    }

    /** Label state per row into {@code out}: 1 the favourable class, 0 another class, -1 missing. */
    static void labelStates(Column label, String favorableClass, byte[] out) {
        if (label.size() != out.length) {
            throw new IllegalArgumentException("label column has " + label.size() + " values for " + out.length + " rows");
        }
        if (label instanceof CategoricalColumn c) {
            byte[] state = stateOf(c.dictionary(), favorableClass);
            int[] codes = c.codes();
            for (int i = 0; i < out.length; i++) {
                int code = codes[i];
                out[i] = code < 0 ? -1 : state[code];
            }
        } else {
            double p = parse(favorableClass);
            double[] v = ((NumericColumn) label).values();
            for (int i = 0; i < out.length; i++) {
                out[i] = Double.isNaN(v[i]) ? -1 : (byte) (v[i] == p ? 1 : 0);
            }
        }
    }

    /** Label state of each dictionary entry: 1 when it is the favourable class, else 0. */
    public static byte[] stateOf(String[] dictionary, String favorableClass) {
        boolean[] favorable = matching(dictionary, favorableClass);
        byte[] state = new byte[dictionary.length];
        for (int i = 0; i < state.length; i++) {
            state[i] = (byte) (favorable[i] ? 1 : 0);
        }
        return state;
    }

    private static boolean[] matching(String[] dictionary, String favorableClass) {
        boolean[] out = new boolean[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) {
            out[i] = favorableClass.equals(dictionary[i]);
        }
        return out;
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** {@link IdHash} of every id; a missing id hashes as the empty string (it then matches no label). */
    public static long[] hashes(CategoricalColumn ids) {
        String[] dictionary = ids.dictionary();
        long[] byCode = new long[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) {
            byCode[i] = IdHash.of(dictionary[i]);
        }
        long missing = IdHash.of("");
        int[] codes = ids.codes();
        long[] out = new long[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] < 0 ? missing : byCode[codes[i]];
        }
        return out;
    }

    /** Attributes by name, in the order given. */
    public Map<String, CategoricalAttribute> byName() {
        Map<String, CategoricalAttribute> out = new LinkedHashMap<>();
        attributes.forEach(a -> out.put(a.name(), a));
        return out;
    }
}
