package io.modeltrust.fairness.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.IdHash;
import io.modeltrust.model.spec.ColumnType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelSetTest {

    static AssembledBatch labels(String[] ids, int[] idCodes, String[] labelDict, int[] labelCodes) {
        List<ColumnSpec> specs = List.of(new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL),
                new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL));
        BatchHeader header = new BatchHeader(null, 1, "e", "m", "labels-1", BatchKind.LABELS, 1, 1, null, specs,
                Instant.EPOCH, Instant.EPOCH);
        List<Column> columns = List.of(new CategoricalColumn(ids, idCodes), new CategoricalColumn(labelDict, labelCodes));
        return new AssembledBatch(header, new BatchSeal(null, 1, "s", "m", "labels-1", BatchKind.LABELS, idCodes.length, 1),
                columns);
    }

    @Test
    void joinsBySortedIdHashLastLabelWins() {
        // ids a, b, c, a again (last label wins), d without label, a missing id
        LabelSet set = LabelSet.of(labels(new String[] {"a", "b", "c", "d"}, new int[] {0, 1, 2, 0, 3, -1},
                new String[] {"yes", "no"}, new int[] {1, 0, 0, 0, -1, 0}));
        assertEquals(3, set.size(), "a, b, c");
        long[] batch = {IdHash.of("a"), IdHash.of("b"), IdHash.of("x"), IdHash.of("a"), IdHash.of("d")};
        int[] order = HashSort.order(batch);
        long[] sorted = new long[batch.length];
        for (int k = 0; k < batch.length; k++) {
            sorted[k] = batch[order[k]];
        }
        byte[] state = new byte[batch.length];
        Arrays.fill(state, (byte) -1);
        LabelSet.Applied applied = set.applyTo(sorted, state, "yes");
        assertEquals(3, applied.matchedRows(), "both rows of a, and b");
        assertEquals(3, applied.changedRows());
        assertEquals(3, applied.labeledRows());
        byte[] byRow = new byte[batch.length];
        for (int k = 0; k < batch.length; k++) {
            byRow[order[k]] = state[k];
        }
        assertArrayEquals(new byte[] {1, 1, -1, 1, -1}, byRow, "a: no then yes (last wins), b: yes");

        LabelSet.Applied again = set.applyTo(sorted, state, "yes");
        assertEquals(3, again.matchedRows());
        assertEquals(0, again.changedRows(), "the same labels change nothing");
    }
    @Test
    void multiclassLabelsAlsoSetCorrectnessAndACorrectionBetweenUnfavourableClassesCounts() {
        List<String> classes = List.of("approve", "review", "decline");
        // rows (in hash order) predicted approve, review, decline, review; no labels yet
        long[] batch = {IdHash.of("a"), IdHash.of("b"), IdHash.of("c"), IdHash.of("d")};
        int[] order = HashSort.order(batch);
        long[] sorted = new long[batch.length];
        int[] byRow = {0, 1, 2, 1};
        int[] predicted = new int[batch.length];
        for (int k = 0; k < batch.length; k++) {
            sorted[k] = batch[order[k]];
            predicted[k] = byRow[order[k]];
        }
        byte[] state = {-1, -1, -1, -1};
        byte[] correct = {-1, -1, -1, -1};
        // a: approve (right), b: decline (wrong), c: decline (right); the dictionary is in another order
        String[] dict = {"decline", "approve", "review"};
        LabelSet first = LabelSet.of(labels(new String[] {"a", "b", "c"}, new int[] {0, 1, 2}, dict, new int[] {1, 0, 0}));
        LabelSet.Applied applied = first.applyTo(sorted, state, correct, predicted, classes, "approve");
        assertEquals(3, applied.changedRows());
        assertArrayEquals(new byte[] {1, 0, 0, -1}, inRowOrder(state, order));
        assertArrayEquals(new byte[] {1, 0, 1, -1}, inRowOrder(correct, order));

        // b corrected from decline to review: still not approve, but now right
        LabelSet second = LabelSet.of(labels(new String[] {"b"}, new int[] {0}, dict, new int[] {2}));
        LabelSet.Applied corrected = second.applyTo(sorted, state, correct, predicted, classes, "approve");
        assertEquals(1, corrected.changedRows(), "the binarised state is unchanged, the correctness is not");
        assertArrayEquals(new byte[] {1, 0, 0, -1}, inRowOrder(state, order));
        assertArrayEquals(new byte[] {1, 1, 1, -1}, inRowOrder(correct, order));
        assertEquals(0, second.applyTo(sorted, state, correct, predicted, classes, "approve").changedRows());

        LabelSet stray = LabelSet.of(labels(new String[] {"d"}, new int[] {0}, new String[] {"maybe"}, new int[] {0}));
        byte[] before = state.clone();
        assertThrows(IllegalArgumentException.class,
                () -> stray.applyTo(sorted, state, correct, predicted, classes, "approve"));
        assertArrayEquals(before, state, "a label that is no class changes nothing");
    }

    private static byte[] inRowOrder(byte[] sortedState, int[] order) {
        byte[] out = new byte[sortedState.length];
        for (int k = 0; k < out.length; k++) {
            out[order[k]] = sortedState[k];
        }
        return out;
    }
}
