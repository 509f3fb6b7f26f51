package io.modeltrust.fairness.labels;

import com.fasterxml.jackson.core.type.TypeReference;
import io.modeltrust.fairness.FairnessInputs;
import io.modeltrust.fairness.metrics.CategoricalAttribute;
import io.modeltrust.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What is kept of a production batch so that delayed labels can recompute its label-dependent
 * figures, packed for a bytea column each:
 * <ul>
 *   <li>{@code idHashes}: the {@link io.modeltrust.model.batch.IdHash} of every row, 8 bytes big-endian,
 *       sorted ascending (signed); every other array is reordered the same way;</li>
 *   <li>{@code groupCodes}: per sensitive attribute (numeric ones already bucketed), one code per
 *       row, {@code code + 1} unsigned (0 = missing), 1 byte wide when the dictionary has at most
 *       255 entries (2 or 4 bytes otherwise); attributes one after the other;</li>
 *   <li>{@code predictions}: a bitset, bit {@code i % 8} of byte {@code i / 8} = positive decision;</li>
 *   <li>{@code labels}: one byte per row, 1 / 0 / -1 (unknown);</li>
 *   <li>{@code attributesJson}: names, dictionaries and code widths of the attributes;</li>
 *   <li>multiclass only (null for binary): {@code predictedClasses}, one class index per row,
 *       {@code index + 1} unsigned (0 = missing) in 1, 2 or 4 bytes as for group codes, and
 *       {@code correct}, one byte per row, 1 / 0 / -1 (unknown), so that a delayed label can say
 *       whether the row's prediction was right.</li>
 * </ul>
 * A million rows with two attributes take about 11 MB. Intersections are not stored: they are
 * crossed again from the stored attributes.
 */
public record PendingPredictions(int rows, byte[] idHashes, byte[] groupCodes, byte[] predictions, byte[] labels,
                                 String attributesJson, byte[] predictedClasses, byte[] correct) {

    /** Layout of one stored attribute. */
    public record Layout(String name, List<String> dictionary, int width) {
    }

    private static final TypeReference<List<Layout>> LAYOUTS = new TypeReference<>() {
    };

    /** Packs the inputs of a batch whose id hashes are known. */
    public static PendingPredictions pack(FairnessInputs inputs) {
        long[] ids = inputs.idHashes();
        if (ids == null) {
            throw new IllegalArgumentException("a batch without ids cannot receive delayed labels");
        }
        int n = ids.length;
        int[] order = HashSort.order(ids);
        ByteBuffer hashes = ByteBuffer.allocate(n * 8);
        for (int k = 0; k < n; k++) {
            hashes.putLong(ids[order[k]]);
        }
        List<Layout> layouts = new ArrayList<>();
        int size = 0;
        for (CategoricalAttribute a : inputs.attributes()) {
            int width = width(a.dictionary().length);
            layouts.add(new Layout(a.name(), List.of(a.dictionary()), width));
            size += n * width;
        }
        ByteBuffer codes = ByteBuffer.allocate(size);
        for (int j = 0; j < inputs.attributes().size(); j++) {
            int[] c = inputs.attributes().get(j).codes();
            int width = layouts.get(j).width();
            for (int k = 0; k < n; k++) {
                put(codes, width, c[order[k]] + 1);
            }
        }
        byte[] bits = new byte[(n + 7) / 8];
        byte[] labels = new byte[n];
        boolean[] predicted = inputs.predictedPositive();
        byte[] state = inputs.labelState();
        for (int k = 0; k < n; k++) {
            int row = order[k];
            if (predicted[row]) {
                bits[k >>> 3] |= (byte) (1 << (k & 7));
            }
            labels[k] = state[row];
        }
        byte[] classes = null;
        byte[] correct = null;
        if (inputs.multiclass()) {
            classes = packClasses(inputs.predictedClasses(), order);
            correct = new byte[n];
            for (int k = 0; k < n; k++) {
                correct[k] = inputs.correct()[order[k]];
            }
        }
        return new PendingPredictions(n, hashes.array(), codes.array(), bits, labels, Json.toString(layouts), classes,
                correct);
    }

    private static byte[] packClasses(int[] predictedClasses, int[] order) {
        int max = -1;
        for (int c : predictedClasses) {
            max = Math.max(max, c);
        }
        int width = width(max + 1);
        ByteBuffer out = ByteBuffer.allocate(order.length * width);
        for (int row : order) {
            put(out, width, predictedClasses[row] + 1);
        }
        return out.array();
    }

    /** The predicted class of every stored row (hash order), -1 for a missing prediction. */
    public static int[] predictedClasses(byte[] packed, int rows) {
        int[] out = new int[rows];
        if (rows == 0) {
            return out;
        }
        int width = packed.length / rows;
        if (packed.length != rows * width || (width != 1 && width != 2 && width != 4)) {
            throw new IllegalStateException("stored predicted classes do not add up to " + rows + " rows");
        }
        ByteBuffer in = ByteBuffer.wrap(packed);
        for (int k = 0; k < rows; k++) {
            out[k] = get(in, width) - 1;
        }
        return out;
    }

    private static void put(ByteBuffer out, int width, int v) {
        switch (width) {
            case 1 -> out.put((byte) v);
            case 2 -> out.putShort((short) v);
            default -> out.putInt(v);
        }
    }

    private static int get(ByteBuffer in, int width) {
        return switch (width) {
            case 1 -> in.get() & 0xff;
            case 2 -> in.getShort() & 0xffff;
            default -> in.getInt();
        };
    }

    /** The stored inputs of a binary batch again (rows in hash order), with {@code labels} as the label state. */
    public static FairnessInputs unpack(int rows, byte[] idHashes, byte[] groupCodes, byte[] predictions, byte[] labels,
                                        String attributesJson) {
        return unpack(rows, idHashes, groupCodes, predictions, labels, attributesJson, null, null);
    }

    /**
     * The stored inputs again (rows in hash order), with {@code labels} and {@code correct} as the
     * label state; {@code predictedClasses} and {@code correct} are null for a binary batch.
     */
    public static FairnessInputs unpack(int rows, byte[] idHashes, byte[] groupCodes, byte[] predictions, byte[] labels,
                                        String attributesJson, byte[] predictedClasses, byte[] correct) {
        List<Layout> layouts;
        try {
            layouts = Json.MAPPER.readValue(attributesJson, LAYOUTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] ids = hashes(idHashes);
        if (ids.length != rows || labels.length != rows || predictions.length != (rows + 7) / 8) {
            throw new IllegalStateException("stored predictions do not add up to " + rows + " rows");
        }
        ByteBuffer codes = ByteBuffer.wrap(groupCodes);
        List<CategoricalAttribute> attributes = new ArrayList<>(layouts.size());
        for (Layout layout : layouts) {
            int[] c = new int[rows];
            for (int k = 0; k < rows; k++) {
                c[k] = get(codes, layout.width()) - 1;
            }
            attributes.add(new CategoricalAttribute(layout.name(), layout.dictionary().toArray(String[]::new), c));
        }
        boolean[] predicted = new boolean[rows];
        for (int k = 0; k < rows; k++) {
            predicted[k] = (predictions[k >>> 3] & (1 << (k & 7))) != 0;
        }
        if ((predictedClasses == null) != (correct == null) || (correct != null && correct.length != rows)) {
            throw new IllegalStateException("stored multiclass state does not add up to " + rows + " rows");
        }
        int[] classes = predictedClasses == null ? null : predictedClasses(predictedClasses, rows);
        return new FairnessInputs(attributes, predicted, labels, ids, classes, correct);
    }

    public static long[] hashes(byte[] packed) {
        long[] out = new long[packed.length / 8];
        ByteBuffer.wrap(packed).asLongBuffer().get(out);
        return out;
    }

    static int width(int dictionarySize) {
        return dictionarySize <= 0xff ? 1 : dictionarySize <= 0xffff ? 2 : 4;
    }
}
