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
 *   <li>{@code attributesJson}: names, dictionaries and code widths of the attributes.</li>
 * </ul>
 * A million rows with two attributes take about 11 MB. Intersections are not stored: they are
 * crossed again from the stored attributes.
 */
public record PendingPredictions(int rows, byte[] idHashes, byte[] groupCodes, byte[] predictions, byte[] labels,
                                 String attributesJson) {

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
                int v = c[order[k]] + 1;
                switch (width) {
                    case 1 -> codes.put((byte) v);
                    case 2 -> codes.putShort((short) v);
                    default -> codes.putInt(v);
                }
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
        return new PendingPredictions(n, hashes.array(), codes.array(), bits, labels, Json.toString(layouts));
    }

    /** The stored inputs again (rows in hash order), with {@code labels} as the label state. */
    public static FairnessInputs unpack(int rows, byte[] idHashes, byte[] groupCodes, byte[] predictions, byte[] labels,
                                        String attributesJson) {
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
                int v = switch (layout.width()) {
                    case 1 -> codes.get() & 0xff;
                    case 2 -> codes.getShort() & 0xffff;
                    default -> codes.getInt();
                };
                c[k] = v - 1;
            }
            attributes.add(new CategoricalAttribute(layout.name(), layout.dictionary().toArray(String[]::new), c));
        }
        boolean[] predicted = new boolean[rows];
        for (int k = 0; k < rows; k++) {
            predicted[k] = (predictions[k >>> 3] & (1 << (k & 7))) != 0;
        }
        return new FairnessInputs(attributes, predicted, labels, ids);
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
