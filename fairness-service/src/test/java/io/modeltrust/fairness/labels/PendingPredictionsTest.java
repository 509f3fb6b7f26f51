package io.modeltrust.fairness.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.fairness.FairnessInputs;
import io.modeltrust.fairness.metrics.CategoricalAttribute;
import io.modeltrust.fairness.metrics.FairnessEngine;
import io.modeltrust.fairness.metrics.FairnessOptions;
import io.modeltrust.fairness.metrics.FairnessReport;
import io.modeltrust.model.batch.IdHash;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PendingPredictionsTest {

    @Test
    void hashSortIsAStableSignedSort() {
        SplittableRandom random = new SplittableRandom(7);
        long[] hashes = new long[20_000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = i % 10 == 0 ? hashes[random.nextInt(Math.max(1, i))] : random.nextLong();
        }
        hashes[3] = Long.MIN_VALUE;
        hashes[4] = Long.MAX_VALUE;
        hashes[5] = 0;
        hashes[6] = -1;
        int[] order = HashSort.order(hashes);
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < hashes.length; k++) {
            assertEquals(sorted[k], hashes[order[k]]);
            if (k > 0 && hashes[order[k]] == hashes[order[k - 1]]) {
                assertTrue(order[k] > order[k - 1], "equal hashes keep their order");
            }
        }
        assertEquals(0, HashSort.order(new long[0]).length);
        assertArrayEquals(new int[] {0, 1, 2}, HashSort.order(new long[] {5, 5, 5}));
    }

    @Test
    void packedInputsGiveTheSameFiguresAndKeepRowsTogether() {
        int n = 5000;
        SplittableRandom random = new SplittableRandom(11);
        String[] wide = new String[300];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = "region-" + i;
        }
        int[] sex = new int[n];
        int[] region = new int[n];
        boolean[] predicted = new boolean[n];
        byte[] labels = new byte[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            sex[i] = random.nextInt(10) == 0 ? -1 : random.nextInt(2);
            region[i] = random.nextInt(50) == 0 ? -1 : random.nextInt(wide.length);
            predicted[i] = random.nextDouble() < (sex[i] == 0 ? 0.3 : 0.5);
            labels[i] = (byte) (random.nextInt(3) - 1);
            ids[i] = IdHash.of("id-" + (i % 4000)); // some ids twice
        }
        List<CategoricalAttribute> attributes = List.of(new CategoricalAttribute("sex", new String[] {"female", "male"}, sex),
                new CategoricalAttribute("region", wide, region));
        FairnessInputs inputs = new FairnessInputs(attributes, predicted, labels, ids);
        FairnessOptions options = new FairnessOptions(30, Map.of("sex", "male"), List.of(List.of("sex", "region")));

        PendingPredictions packed = PendingPredictions.pack(inputs);
        assertEquals(n * 8, packed.idHashes().length);
        assertEquals(n + 2 * n, packed.groupCodes().length, "1 byte for sex, 2 for a dictionary of 300");
        assertEquals((n + 7) / 8, packed.predictions().length);
        FairnessInputs back = PendingPredictions.unpack(n, packed.idHashes(), packed.groupCodes(), packed.predictions(),
                packed.labels(), packed.attributesJson());

        long[] sortedIds = back.idHashes();
        for (int k = 1; k < n; k++) {
            assertTrue(sortedIds[k - 1] <= sortedIds[k]);
        }
        FairnessReport before = FairnessEngine.compute(attributes, predicted, labels, options);
        FairnessReport after = FairnessEngine.compute(back.attributes(), back.predictedPositive(), back.labelState(), options);
        assertEquals(before, after);
        // each row's values travelled together: the multiset of (id, sex, region, decision, label) is unchanged
        assertArrayEquals(rows(inputs), rows(back));
    }

    @Test
    void multiclassStateTravelsWithItsRows() {
        int n = 3000;
        SplittableRandom random = new SplittableRandom(13);
        int[] sex = new int[n];
        int[] classes = new int[n];
        boolean[] predicted = new boolean[n];
        byte[] labels = new byte[n];
        byte[] correct = new byte[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            sex[i] = random.nextInt(2);
            classes[i] = random.nextInt(40) == 0 ? -1 : random.nextInt(3);
            int label = random.nextInt(4) - 1;
            predicted[i] = classes[i] == 0;
            labels[i] = label < 0 ? -1 : (byte) (label == 0 ? 1 : 0);
            correct[i] = label < 0 ? -1 : (byte) (label == classes[i] ? 1 : 0);
            ids[i] = IdHash.of("mc-" + i);
        }
        List<CategoricalAttribute> attributes = List.of(new CategoricalAttribute("sex", new String[] {"female", "male"}, sex));
        FairnessInputs inputs = new FairnessInputs(attributes, predicted, labels, ids, classes, correct);
        PendingPredictions packed = PendingPredictions.pack(inputs);
        assertEquals(n, packed.predictedClasses().length, "one byte per row for three classes");
        FairnessInputs back = PendingPredictions.unpack(n, packed.idHashes(), packed.groupCodes(), packed.predictions(),
                packed.labels(), packed.attributesJson(), packed.predictedClasses(), packed.correct());
        assertTrue(back.multiclass());
        FairnessOptions options = new FairnessOptions(30, Map.of(), List.of());
        assertEquals(FairnessEngine.compute(attributes, predicted, labels, correct, options),
                FairnessEngine.compute(back.attributes(), back.predictedPositive(), back.labelState(), back.correct(),
                        options));
        String[] before = new String[n];
        String[] after = new String[n];
        for (int i = 0; i < n; i++) {
            before[i] = ids[i] + "/" + classes[i] + "/" + correct[i] + "/" + labels[i];
            after[i] = back.idHashes()[i] + "/" + back.predictedClasses()[i] + "/" + back.correct()[i] + "/"
                    + back.labelState()[i];
        }
        Arrays.sort(before);
        Arrays.sort(after);
        assertArrayEquals(before, after);

        PendingPredictions binary = PendingPredictions.pack(new FairnessInputs(attributes, predicted, labels, ids));
        assertEquals(null, binary.predictedClasses(), "a binary batch stores no classes");
        assertEquals(null, binary.correct());
    }

    private static String[] rows(FairnessInputs in) {
        String[] out = new String[in.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = in.idHashes()[i] + "/" + in.attributes().get(0).codes()[i] + "/" + in.attributes().get(1).codes()[i]
                    + "/" + in.predictedPositive()[i] + "/" + in.labelState()[i];
        }
        Arrays.sort(out);
        return out;
    }
}
