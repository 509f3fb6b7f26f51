package io.modeltrust.fairness.labels;

/**
 * Stable sort of 64-bit id hashes in signed ({@link Long#compare}) order, returning the
 * permutation: {@code order[k]} is the original row of the k-th smallest hash. LSD radix sort with
 * 16-bit digits, linear in the rows (a million rows sort in a few tens of milliseconds).
 */
public final class HashSort {

    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private HashSort() {
    }

    public static int[] order(long[] hashes) {
        int n = hashes.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n < 2) {
            return order;
        }
        int[] buffer = new int[n];
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[digit(hashes[order[i]], shift) + 1]++;
            }
            if (count[digit(hashes[order[0]], shift) + 1] == n) {
                continue; // every row has the same digit: the pass would not move anything
            }
            for (int d = 0; d < BUCKETS; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < n; i++) {
                int row = order[i];
                buffer[count[digit(hashes[row], shift)]++] = row;
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    /** Digit of the hash with the sign bit flipped, so that unsigned digit order is signed value order. */
    private static int digit(long hash, int shift) {
        return (int) (((hash ^ Long.MIN_VALUE) >>> shift) & (BUCKETS - 1));
    }
}
