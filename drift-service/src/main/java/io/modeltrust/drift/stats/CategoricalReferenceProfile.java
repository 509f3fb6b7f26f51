package io.modeltrust.drift.stats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per category of a reference column. Categories are the distinct dictionary strings that
 * occur at least once, in order of first appearance in the dictionary; dictionary entries that
 * never occur are dropped (they are not "seen"), and duplicate strings are merged.
 */
public final class CategoricalReferenceProfile {

    private static final int MAGIC = 0x4D544350; // "MTCP"
    private static final int VERSION = 1;

    private final long rowCount;
    private final String[] categories;
    private final long[] counts;
    private final Map<String, Integer> index;

    private CategoricalReferenceProfile(long rowCount, String[] categories, long[] counts) {
        this.rowCount = rowCount;
        this.categories = categories;
        this.counts = counts;
        this.index = new HashMap<>(categories.length * 2);
        for (int i = 0; i < categories.length; i++) {
            index.put(categories[i], i);
        }
    }

    /**
     * @param dictionary category strings; {@code codes[i]} indexes into it
     * @param codes      one code per row, -1 = missing
     */
    public static CategoricalReferenceProfile of(String[] dictionary, int[] codes) {
        long[] perCode = countCodes(dictionary.length, codes);
        Map<String, Long> merged = new LinkedHashMap<>();
        for (int c = 0; c < dictionary.length; c++) {
            if (perCode[c] > 0) {
                if (dictionary[c] == null) {
                    throw new IllegalArgumentException("dictionary entry " + c + " is null but used");
                }
                merged.merge(dictionary[c], perCode[c], Long::sum);
            }
        }
        String[] categories = merged.keySet().toArray(new String[0]);
        long[] counts = new long[categories.length];
        for (int i = 0; i < categories.length; i++) {
            counts[i] = merged.get(categories[i]);
        }
        return new CategoricalReferenceProfile(codes.length, categories, counts);
    }

    /**
     * The counts of every part together, as if they were one column: categories in order of first
     * appearance across the parts as given, counts and row counts (missing included) summed.
     */
    public static CategoricalReferenceProfile pooled(List<CategoricalReferenceProfile> parts) {
        Map<String, Long> merged = new LinkedHashMap<>();
        long rows = 0;
        for (CategoricalReferenceProfile p : parts) {
            rows += p.rowCount;
            for (int i = 0; i < p.categories.length; i++) {
                merged.merge(p.categories[i], p.counts[i], Long::sum);
            }
        }
        String[] categories = merged.keySet().toArray(new String[0]);
        long[] counts = new long[categories.length];
        for (int i = 0; i < categories.length; i++) {
            counts[i] = merged.get(categories[i]);
        }
        return new CategoricalReferenceProfile(rows, categories, counts);
    }

    /** Occurrences of each code 0..dictionarySize-1; rejects codes outside [-1, dictionarySize). */
    static long[] countCodes(int dictionarySize, int[] codes) {
        long[] perCode = new long[dictionarySize];
        for (int code : codes) {
            if (code >= 0) {
                if (code >= dictionarySize) {
                    throw new IllegalArgumentException("code " + code + " outside a dictionary of " + dictionarySize);
                }
                perCode[code]++;
            } else if (code != -1) {
                throw new IllegalArgumentException("negative code " + code + " (only -1 means missing)");
            }
        }
        return perCode;
    }

    public long rowCount() {
        return rowCount;
    }

    /** Non-missing rows. */
    public long count() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    public long missingCount() {
        return rowCount - count();
    }

    public double missingShare() {
        return rowCount == 0 ? Double.NaN : (double) missingCount() / rowCount;
    }

    /** Seen categories, in profile order. */
    public List<String> categories() {
        return List.of(categories);
    }

    public long[] counts() {
        return counts.clone();
    }

    /** Position of {@code category} in {@link #categories()}, or -1 when never seen. */
    public int indexOf(String category) {
        Integer i = index.get(category);
        return i == null ? -1 : i;
    }

    public byte[] toBytes() {
        byte[][] encoded = new byte[categories.length][];
        int size = 4 + 4 + 8 + 4;
        for (int i = 0; i < categories.length; i++) {
            encoded[i] = categories[i].getBytes(StandardCharsets.UTF_8);
            size += 4 + encoded[i].length + 8;
        }
        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).putInt(VERSION).putLong(rowCount).putInt(categories.length);
        for (int i = 0; i < categories.length; i++) {
            buf.putInt(encoded[i].length).put(encoded[i]).putLong(counts[i]);
        }
        return buf.array();
    }

    public static CategoricalReferenceProfile fromBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a categorical reference profile");
        }
        int version = buf.getInt();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported categorical profile version " + version);
        }
        long rowCount = buf.getLong();
        int k = buf.getInt();
        List<String> categories = new ArrayList<>(k);
        long[] counts = new long[k];
        for (int i = 0; i < k; i++) {
            byte[] b = new byte[buf.getInt()];
            buf.get(b);
            categories.add(new String(b, StandardCharsets.UTF_8));
            counts[i] = buf.getLong();
        }
        return new CategoricalReferenceProfile(rowCount, categories.toArray(new String[0]), counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalReferenceProfile other
                && rowCount == other.rowCount
                && Arrays.equals(categories, other.categories)
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(categories) * 31 + Arrays.hashCode(counts);
    }
}
