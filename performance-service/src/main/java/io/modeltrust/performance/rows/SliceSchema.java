package io.modeltrust.performance.rows;

import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.performance.metrics.DecileEdges;
import io.modeltrust.performance.metrics.SliceFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How a batch's features are cut into slices, fixed per reference version, and the 4-bit code each row
 * gets so slices can be recomputed from stored rows when labels arrive late.
 *
 * <p>Numeric feature: code = the slice index of {@link SliceFeature.Numeric} for the reference decile
 * edges (0..9). Categorical feature: code = index among the {@value #MAX_CATEGORIES} most frequent
 * reference categories; any other category gets {@link #OTHER}, a slice that is never reported
 * (it has no reference counterpart). Missing values get {@link #MISSING}. Only the first
 * {@value #MAX_FEATURES} features are sliced.
 *
 * @param columns one entry per sliced feature, in batch column order
 */
public record SliceSchema(List<SliceColumn> columns) {

    public static final int MAX_FEATURES = 20;
    public static final int MAX_CATEGORIES = 14;
    public static final byte OTHER = 14;
    public static final byte MISSING = 15;
    /** Dictionary text of the OTHER slice when a categorical column is decoded. */
    public static final String OTHER_TEXT = "(other categories)";

    /**
     * @param edges      reference decile edges (numeric), else null
     * @param categories the reference's most frequent categories, most frequent first (categorical), else null
     */
    public record SliceColumn(String name, boolean numeric, double[] edges, String[] categories) {
    }

    public SliceSchema {
        columns = List.copyOf(columns);
    }

    public static SliceSchema empty() {
        return new SliceSchema(List.of());
    }

    /** The schema of a reference: its decile edges and most frequent categories. */
    public static SliceSchema ofReference(List<String> names, List<Column> columns) {
        List<SliceColumn> out = new ArrayList<>();
        for (int f = 0; f < names.size() && out.size() < MAX_FEATURES; f++) {
            Column c = columns.get(f);
            if (c instanceof NumericColumn n) {
                out.add(new SliceColumn(names.get(f), true, DecileEdges.of(n.values()), null));
            } else if (c instanceof CategoricalColumn cat) {
                out.add(new SliceColumn(names.get(f), false, null, topCategories(cat)));
            }
        }
        return new SliceSchema(out);
    }

    private static String[] topCategories(CategoricalColumn c) {
        long[] counts = new long[c.dictionary().length];
        for (int code : c.codes()) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -counts[i]).thenComparing(i -> c.dictionary()[i]));
        List<String> top = new ArrayList<>();
        for (Integer i : order) {
            if (counts[i] > 0 && top.size() < MAX_CATEGORIES) {
                top.add(c.dictionary()[i]);
            }
        }
        return top.toArray(String[]::new);
    }

    public int size() {
        return columns.size();
    }

    /** One code per row of the batch column for sliced feature {@code f}. */
    public byte[] encode(int f, Column column) {
        SliceColumn s = columns.get(f);
        if (s.numeric()) {
            if (!(column instanceof NumericColumn n)) {
                throw new IllegalArgumentException("feature " + s.name() + " is numeric in the reference but not in the batch");
            }
            double[] values = n.values();
            byte[] out = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                double x = values[i];
                if (Double.isNaN(x)) {
                    out[i] = MISSING;
                } else {
                    int bin = 0;
                    for (double e : s.edges()) {
                        bin += e < x ? 1 : 0;
                    }
                    out[i] = (byte) bin;
                }
            }
            return out;
        }
        if (!(column instanceof CategoricalColumn cat)) {
            throw new IllegalArgumentException("feature " + s.name() + " is categorical in the reference but not in the batch");
        }
        byte[] byCode = new byte[cat.dictionary().length];
        List<String> known = Arrays.asList(s.categories());
        for (int code = 0; code < byCode.length; code++) {
            int k = known.indexOf(cat.dictionary()[code]);
            byCode[code] = k >= 0 ? (byte) k : OTHER;
        }
        int[] codes = cat.codes();
        byte[] out = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] < 0 ? MISSING : byCode[codes[i]];
        }
        return out;
    }

    /**
     * The sliced feature rebuilt from its codes. A numeric code becomes a value that falls in the same
     * slice (the slice's upper edge, +∞ for the last), so the slice labels and counts are exact.
     */
    public SliceFeature decode(int f, byte[] codes) {
        SliceColumn s = columns.get(f);
        if (s.numeric()) {
            double[] edges = s.edges();
            double[] values = new double[codes.length];
            for (int i = 0; i < codes.length; i++) {
                int code = codes[i];
                if (code == MISSING) {
                    values[i] = Double.NaN;
                } else if (edges.length == 0) {
                    values[i] = 0.0;
                } else {
                    values[i] = code < edges.length ? edges[code] : Double.POSITIVE_INFINITY;
                }
            }
            return new SliceFeature.Numeric(s.name(), values, edges);
        }
        String[] dictionary = Arrays.copyOf(s.categories(), s.categories().length + 1);
        dictionary[s.categories().length] = OTHER_TEXT;
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i];
            out[i] = code == MISSING ? CategoricalColumn.MISSING : code == OTHER ? s.categories().length : code;
        }
        return new SliceFeature.Categorical(s.name(), out, dictionary);
    }

    /** Label of the catch-all slice of categorical feature {@code f}, or null for a numeric one. */
    public String otherSliceLabel(int f) {
        SliceColumn s = columns.get(f);
        return s.numeric() ? null : s.name() + "=" + OTHER_TEXT;
    }
}
