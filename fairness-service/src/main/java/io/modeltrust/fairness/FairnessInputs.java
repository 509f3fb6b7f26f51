package io.modeltrust.fairness;

import io.modeltrust.fairness.metrics.CategoricalAttribute;
import io.modeltrust.fairness.metrics.NumericBuckets;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fairness figures of one batch are computed from, taken out of the batch's columns: the
 * sensitive attributes as dictionary-coded groups (numeric ones already bucketed by the model's
 * edges, missing values as code -1), the decision per row, the label state per row (1 / 0 / -1
 * unknown) and, when the model has an id column, the 64-bit id hash per row ({@link IdHash}).
 *
 * <p>Arrays are used as given (a batch may hold a million rows).
 */
public record FairnessInputs(List<CategoricalAttribute> attributes, boolean[] predictedPositive, byte[] labelState,
                             long[] idHashes) {

    /** Whether fairness applies to the model at all: binary classification with sensitive attributes. */
    public static boolean applies(ModelSpec spec) {
        return spec != null && spec.task() == Task.BINARY_CLASSIFICATION && !spec.sensitiveOrEmpty().isEmpty();
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
        String positive = positiveClass(spec);
        Column prediction = batch.column(spec.prediction()).orElseThrow(() ->
                new IllegalArgumentException("batch has no prediction column " + spec.prediction()));
        if (prediction.size() != rows) {
            throw new IllegalArgumentException("prediction column has " + prediction.size() + " values for " + rows + " rows");
        }
        boolean[] predicted = decisions(prediction, positive);
        byte[] labels = new byte[rows];
        Optional<Column> label = spec.label() == null ? Optional.empty() : batch.column(spec.label());
        if (label.isPresent()) {
            labelStates(label.get(), positive, labels);
        } else {
            Arrays.fill(labels, (byte) -1);
        }
        Map<String, List<Double>> buckets = spec.fairnessOrDefaults().bucketsOrEmpty();
        List<CategoricalAttribute> attributes = new ArrayList<>();
        for (String name : spec.sensitiveOrEmpty()) {
            Column column = sensitiveColumn(batch, name);
            attributes.add(attribute(name, column, buckets.get(name), rows));
        }
        long[] ids = null;
        if (spec.id() != null) {
            ids = batch.categorical(spec.id()).map(FairnessInputs::hashes).orElse(null);
        }
        return new FairnessInputs(attributes, predicted, labels, ids);
    }

    /** The model's positive class; a binary model without one cannot be assessed. */
    public static String positiveClass(ModelSpec spec) {
        if (spec.positiveClass() == null) {
            throw new IllegalArgumentException("model has no positiveClass: the positive decision is unknown");
        }
        return spec.positiveClass();
    }

    /**
     * Sensitive column by the spec's name: role SENSITIVE, or FEATURE when the attribute is also a
     * model input. A column the batch lacks altogether counts as missing in every row (null).
     */
    private static Column sensitiveColumn(AssembledBatch batch, String name) {
        List<ColumnSpec> specs = batch.header().columns();
        for (int i = 0; i < specs.size(); i++) {
            ColumnSpec s = specs.get(i);
            if (s.name().equals(name) && (s.role() == ColumnRole.SENSITIVE || s.role() == ColumnRole.FEATURE)) {
                return batch.columns().get(i);
            }
        }
        return batch.column(name).orElse(null);
    }

    static CategoricalAttribute attribute(String name, Column column, List<Double> edges, int rows) {
        if (column == null) {
            int[] codes = new int[rows];
            Arrays.fill(codes, -1);
            return new CategoricalAttribute(name, new String[0], codes);
        }
        if (column.size() != rows) {
            throw new IllegalArgumentException("column " + name + " has " + column.size() + " values for " + rows + " rows");
        }
        if (column instanceof NumericColumn n) {
            if (edges != null && !edges.isEmpty()) {
                double[] e = edges.stream().mapToDouble(Double::doubleValue).toArray();
                return NumericBuckets.bucketize(name, n.values(), e);
            }
            return distinctValues(name, n.values());
        }
        CategoricalColumn c = (CategoricalColumn) column;
        return categorical(name, c.dictionary(), c.codes());
    }

    /**
     * The column as an attribute. A category literally spelled "(missing)" would be refused by the
     * engine (it would merge with missing values), so it is reported as "\"(missing)\"".
     */
    static CategoricalAttribute categorical(String name, String[] dictionary, int[] codes) {
        String[] dict = dictionary;
        for (int i = 0; i < dictionary.length; i++) {
            if (CategoricalAttribute.MISSING.equals(dictionary[i])) {
                dict = dictionary.clone();
                dict[i] = "\"" + CategoricalAttribute.MISSING + "\"";
            }
        }
        return new CategoricalAttribute(name, dict, codes);
    }

    /** Numeric attribute without bucket edges (the registry normally refuses that): one group per value. */
    private static CategoricalAttribute distinctValues(String name, double[] values) {
        Map<Double, Integer> seen = new HashMap<>();
        List<String> dictionary = new ArrayList<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                codes[i] = -1;
                continue;
            }
            double key = v == 0 ? 0.0 : v;
            Integer code = seen.get(key);
            if (code == null) {
                code = dictionary.size();
                seen.put(key, code);
                dictionary.add(NumericBuckets.formatEdge(key));
            }
            codes[i] = code;
        }
        return new CategoricalAttribute(name, dictionary.toArray(String[]::new), codes);
    }

    /** Decision per row: the prediction equals the positive class (a missing prediction is not positive). */
    static boolean[] decisions(Column prediction, String positiveClass) {
        boolean[] out = new boolean[prediction.size()];
        if (prediction instanceof CategoricalColumn c) {
            boolean[] positiveCode = matching(c.dictionary(), positiveClass);
            int[] codes = c.codes();
            for (int i = 0; i < out.length; i++) {
                int code = codes[i];
                out[i] = code >= 0 && positiveCode[code];
            }
        } else {
            double p = parse(positiveClass);
            double[] v = ((NumericColumn) prediction).values();
            for (int i = 0; i < out.length; i++) {
                out[i] = v[i] == p;
            }
        }
        return out;
    }

    /** Label state per row into {@code out}: 1 positive class, 0 another class, -1 missing. */
    static void labelStates(Column label, String positiveClass, byte[] out) {
        if (label.size() != out.length) {
            throw new IllegalArgumentException("label column has " + label.size() + " values for " + out.length + " rows");
        }
        if (label instanceof CategoricalColumn c) {
            byte[] state = stateOf(c.dictionary(), positiveClass);
            int[] codes = c.codes();
            for (int i = 0; i < out.length; i++) {
                int code = codes[i];
                out[i] = code < 0 ? -1 : state[code];
            }
        } else {
            double p = parse(positiveClass);
            double[] v = ((NumericColumn) label).values();
            for (int i = 0; i < out.length; i++) {
                out[i] = Double.isNaN(v[i]) ? -1 : (byte) (v[i] == p ? 1 : 0);
            }
        }
    }

    /** Label state of each dictionary entry: 1 when it is the positive class, else 0. */
    public static byte[] stateOf(String[] dictionary, String positiveClass) {
        boolean[] positive = matching(dictionary, positiveClass);
        byte[] state = new byte[dictionary.length];
        for (int i = 0; i < state.length; i++) {
            state[i] = (byte) (positive[i] ? 1 : 0);
        }
        return state;
    }

    private static boolean[] matching(String[] dictionary, String positiveClass) {
        boolean[] out = new boolean[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) {
            out[i] = positiveClass.equals(dictionary[i]);
        }
        return out;
    }

    private static double parse(String positiveClass) {
        try {
            return Double.parseDouble(positiveClass.trim());
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
