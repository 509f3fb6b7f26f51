package io.modeltrust.fairness;

import io.modeltrust.fairness.metrics.CategoricalAttribute;
import io.modeltrust.fairness.metrics.NumericBuckets;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sensitive columns of a batch as dictionary-coded attributes (numeric ones bucketed by the model's edges). */
final class SensitiveAttributes {

    private SensitiveAttributes() {
    }

    /**
     * Sensitive column by the spec's name: role SENSITIVE, or FEATURE when the attribute is also a
     * model input. A column the batch lacks altogether counts as missing in every row (null).
     */
    static Column column(AssembledBatch batch, String name) {
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
}
