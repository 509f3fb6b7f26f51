package io.modeltrust.fairness.metrics;

/**
 * Per-code tallies of one attribute, from a single pass over the rows. Index {@code dictionarySize}
 * holds the missing-value group. The confusion counts cover only rows whose label is known.
 * {@code correct} counts the labelled rows whose prediction equals the label: tp + tn for a binary
 * model, the rows of every class predicted right for a multiclass one (where tp + tn would also
 * count a "review" predicted for a "decline" as right, both being not the favourable class).
 */
public record GroupCounts(
        int dictionarySize,
        long[] rows,
        long[] selected,
        long[] truePositives,
        long[] falsePositives,
        long[] trueNegatives,
        long[] falseNegatives,
        long[] correct) {

    /**
     * @param codes             group code per row, -1 = missing
     * @param dictionarySize    number of dictionary entries; codes must be below it
     * @param predictedPositive decision per row
     * @param labelState        1 = actual positive, 0 = actual negative, -1 = unknown; null = no labels at all
     */
    public static GroupCounts tally(int[] codes, int dictionarySize, boolean[] predictedPositive, byte[] labelState) {
        return tally(codes, dictionarySize, predictedPositive, labelState, null);
    }

    /**
     * @param correct per row 1 = prediction equals the label, 0 = it does not, -1 exactly where the
     *                label state is -1; null = binary, where correctness follows from decision and label
     */
    public static GroupCounts tally(int[] codes, int dictionarySize, boolean[] predictedPositive, byte[] labelState,
                                    byte[] correct) {
        int n = codes.length;
        if (predictedPositive.length != n || (labelState != null && labelState.length != n)) {
            throw new IllegalArgumentException("column lengths differ: codes " + n + ", predictions "
                    + predictedPositive.length + (labelState == null ? "" : ", labels " + labelState.length));
        }
        int slots = dictionarySize + 1;
        // rows and selections, then the confusion cells packed as slot*4 + label*2 + prediction:
        // one increment per row keeps the loop free of data-dependent branches on the hot path.
        int[] total = new int[slots * 2];
        int[] cells = new int[slots * 4];
        for (int i = 0; i < n; i++) {
            int g = codes[i];
            if (g < 0 || g >= dictionarySize) {
                if (g != -1) {
                    throw new IllegalArgumentException("row " + i + ": code " + g + " outside dictionary of " + dictionarySize);
                }
                g = dictionarySize;
            }
            int p = predictedPositive[i] ? 1 : 0;
            total[(g << 1) | p]++;
            if (labelState != null) {
                int y = labelState[i];
                if (y >= 0) {
                    if (y > 1) {
                        throw new IllegalArgumentException("row " + i + ": label state " + y + " (expected -1, 0 or 1)");
                    }
                    cells[(g << 2) | (y << 1) | p]++;
                } else if (y != -1) {
                    throw new IllegalArgumentException("row " + i + ": label state " + y + " (expected -1, 0 or 1)");
                }
            }
        }
        long[] rows = new long[slots];
        long[] selected = new long[slots];
        long[] tp = new long[slots];
        long[] fp = new long[slots];
        long[] tn = new long[slots];
        long[] fn = new long[slots];
        for (int g = 0; g < slots; g++) {
            selected[g] = total[(g << 1) | 1];
            rows[g] = total[g << 1] + selected[g];
            tn[g] = cells[g << 2];
            fp[g] = cells[(g << 2) | 1];
            fn[g] = cells[(g << 2) | 2];
            tp[g] = cells[(g << 2) | 3];
        }
        long[] right = correct == null ? binaryCorrect(tp, tn) : countCorrect(codes, dictionarySize, labelState, correct);
        return new GroupCounts(dictionarySize, rows, selected, tp, fp, tn, fn, right);
    }

    private static long[] binaryCorrect(long[] tp, long[] tn) {
        long[] out = new long[tp.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = tp[g] + tn[g];
        }
        return out;
    }

    /** A second pass only for multiclass, so the binary loop above stays as it was. */
    private static long[] countCorrect(int[] codes, int dictionarySize, byte[] labelState, byte[] correct) {
        if (labelState == null || correct.length != codes.length) {
            throw new IllegalArgumentException("correctness needs the label state of every row");
        }
        long[] out = new long[dictionarySize + 1];
        for (int i = 0; i < codes.length; i++) {
            int c = correct[i];
            if ((c < 0) != (labelState[i] < 0) || c > 1 || c < -1) {
                throw new IllegalArgumentException("row " + i + ": correctness " + c + " with label state "
                        + labelState[i] + " (expected -1 exactly where the label is unknown, else 0 or 1)");
            }
            if (c == 1) {
                int g = codes[i];
                out[g < 0 ? dictionarySize : g]++;
            }
        }
        return out;
    }

    /** Slot of a code: the code itself, or {@code dictionarySize} for missing (-1). */
    public int slot(int code) {
        return code < 0 ? dictionarySize : code;
    }

    public long labelled(int slot) {
        return truePositives[slot] + falsePositives[slot] + trueNegatives[slot] + falseNegatives[slot];
    }
}
