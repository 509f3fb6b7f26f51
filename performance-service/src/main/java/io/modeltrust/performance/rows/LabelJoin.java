package io.modeltrust.performance.rows;

import java.util.Arrays;

/**
 * Joins a labels batch to one stored batch by id hash: both are sorted, so one merge pass finds every
 * (stored row, label) pair; an id that occurs in several stored rows labels all of them.
 */
public final class LabelJoin {

    private LabelJoin() {
    }

    /**
     * Matching pairs, in stored-row order.
     *
     * @param storedRows rows of the stored batch that an id of the labels batch names
     * @param labelIds   index into the labels batch's distinct ids, per pair
     */
    public record Pairs(int[] storedRows, int[] labelIds) {
        public int size() {
            return storedRows.length;
        }
    }

    /** Outcome of applying pairs to the rows: rows newly labelled, and rows whose known label changed. */
    public record Applied(int newlyLabeled, int corrected) {
        public boolean changed() {
            return newlyLabeled + corrected > 0;
        }
    }

    /**
     * @param storedIds ascending id hashes of the stored batch
     * @param matched   set to true for every label id found here (accumulates over stored batches)
     */
    public static Pairs match(long[] storedIds, LabelsInput labels, boolean[] matched) {
        long[] ids = labels.idHashes();
        int[] rows = new int[Math.min(storedIds.length, 1024)];
        int[] labelIds = new int[rows.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < storedIds.length && j < ids.length) {
            long a = storedIds[i];
            long b = ids[j];
            if (a < b) {
                i++;
            } else if (a > b) {
                j++;
            } else {
                if (a != BatchColumns.NO_ID) {
                    if (n == rows.length) {
                        rows = Arrays.copyOf(rows, Math.min(storedIds.length, n * 2));
                        labelIds = Arrays.copyOf(labelIds, rows.length);
                    }
                    rows[n] = i;
                    labelIds[n++] = j;
                    matched[j] = true;
                }
                i++;
            }
        }
        return new Pairs(Arrays.copyOf(rows, n), Arrays.copyOf(labelIds, n));
    }

    /** Writes the labels of the pairs into the rows. */
    public static Applied apply(EvaluationRows rows, Pairs pairs, LabelsInput labels) {
        int newly = 0;
        int corrected = 0;
        for (int k = 0; k < pairs.size(); k++) {
            int row = pairs.storedRows()[k];
            int label = pairs.labelIds()[k];
            if (rows.regression()) {
                double old = rows.labelValue()[row];
                double now = labels.values()[label];
                if (Double.isNaN(old)) {
                    newly++;
                } else if (Double.compare(old, now) != 0) {
                    corrected++;
                }
                rows.labelValue()[row] = now;
            } else {
                byte old = rows.labelState()[row];
                byte now = labels.states()[label];
                if (old == EvaluationRows.UNKNOWN) {
                    newly++;
                } else if (old != now) {
                    corrected++;
                }
                rows.labelState()[row] = now;
            }
        }
        return new Applied(newly, corrected);
    }
}
