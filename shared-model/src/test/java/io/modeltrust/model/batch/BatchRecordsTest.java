package io.modeltrust.model.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static BatchHeader header() {
        ModelSpec spec = new ModelSpec(Task.BINARY_CLASSIFICATION,
                List.of(new FeatureSpec("income", ColumnType.NUMERIC), new FeatureSpec("purpose", ColumnType.CATEGORICAL)),
                "approved", null, null, "1", null, null, null, null, null, null);
        return new BatchHeader(null, 1, "e1", "credit", "b1", BatchKind.PRODUCTION, 3, 2, spec,
                List.of(new ColumnSpec("income", ColumnRole.FEATURE, ColumnType.NUMERIC),
                        new ColumnSpec("purpose", ColumnRole.FEATURE, ColumnType.CATEGORICAL)),
                NOW, NOW);
    }

    @Test
    void chunkRoundTripIsBitExactWithAndWithoutDeflate() {
        double[] numbers = {0.1, -0.0, Double.NaN, 1e308, Double.MIN_VALUE, 41200.5};
        int[] codes = {0, 1, -1, 1, 0, 0};
        DataChunk chunk = new DataChunk("b1", 0, 0, 6,
                List.of(new NumericColumn(numbers), new CategoricalColumn(new String[]{"car", "hé"}, codes)));
        for (boolean deflate : new boolean[]{false, true}) {
            DataChunk back = (DataChunk) BatchRecordCodec.decode(BatchRecordCodec.encode(chunk, deflate));
            double[] got = ((NumericColumn) back.columns().get(0)).values();
            for (int i = 0; i < numbers.length; i++) {
                assertEquals(Double.doubleToRawLongBits(numbers[i]), Double.doubleToRawLongBits(got[i]));
            }
            CategoricalColumn cat = (CategoricalColumn) back.columns().get(1);
            assertArrayEquals(codes, cat.codes());
            assertArrayEquals(new String[]{"car", "hé"}, cat.dictionary());
        }
    }

    @Test
    void wideDictionariesUseWiderCodes() {
        String[] dict = new String[70_000];
        int[] codes = new int[70_000];
        for (int i = 0; i < dict.length; i++) {
            dict[i] = "id-" + i;
            codes[i] = i;
        }
        codes[5] = -1;
        DataChunk chunk = new DataChunk("b1", 0, 0, dict.length, List.of(new CategoricalColumn(dict, codes)));
        DataChunk back = ChunkCodec.decode(ChunkCodec.encode(chunk, true));
        assertArrayEquals(codes, ((CategoricalColumn) back.columns().get(0)).codes());
    }

    @Test
    void assemblerMergesChunkDictionariesAndChecksTheSeal() {
        BatchAssembler<Integer> assembler = new BatchAssembler<>();
        BatchHeader header = (BatchHeader) BatchRecordCodec.decode(BatchRecordCodec.encode(header(), false));
        assertEquals("header", header.record());
        assertTrue(assembler.accept(header, NOW, 1).isEmpty());
        assembler.accept(new DataChunk("b1", 0, 0, 2, List.of(new NumericColumn(new double[]{1, 2}),
                new CategoricalColumn(new String[]{"a", "b"}, new int[]{1, 0}))), NOW, 2);
        assembler.accept(new DataChunk("b1", 1, 2, 2, List.of(new NumericColumn(new double[]{3, Double.NaN}),
                new CategoricalColumn(new String[]{"c", "a"}, new int[]{1, -1}))), NOW, 3);
        BatchAssembler.Completed<Integer> done = assembler.accept(
                new BatchSeal(null, 1, "e2", "credit", "b1", BatchKind.PRODUCTION, 4, 2), NOW, 4).orElseThrow();
        assertEquals(List.of(1, 2, 3, 4), done.handles());
        AssembledBatch batch = done.batch();
        assertEquals(4, batch.rows());
        assertEquals("[1.0, 2.0, 3.0, NaN]", Arrays.toString(batch.numeric("income").orElseThrow().values()));
        CategoricalColumn purpose = batch.categorical("purpose").orElseThrow();
        assertEquals(Arrays.asList("b", "a", "a", null),
                Arrays.asList(purpose.valueAt(0), purpose.valueAt(1), purpose.valueAt(2), purpose.valueAt(3)));
        assertEquals(0, assembler.openBatches());
    }

    @Test
    void sealThatDisagreesWithWhatArrivedIsRejected() {
        BatchAssembler<Integer> assembler = new BatchAssembler<>();
        assembler.accept(header(), NOW, 1);
        BatchAssembler.InvalidBatchException e = assertThrows(BatchAssembler.InvalidBatchException.class,
                () -> assembler.accept(new BatchSeal(null, 1, "e2", "credit", "b1", BatchKind.PRODUCTION, 10, 1), NOW, 2));
        assertEquals(List.of(1, 2), e.handles());
    }

    @Test
    void garbageIsAFormatErrorNotACrash() {
        assertThrows(BatchFormatException.class, () -> BatchRecordCodec.decode(new byte[]{'M', 'T', 'C', 1, 1, 9, 9}));
        assertThrows(BatchFormatException.class, () -> BatchRecordCodec.decode("{\"record\":\"nope\"}".getBytes()));
        assertThrows(BatchFormatException.class, () -> BatchRecordCodec.decode("not json".getBytes()));
    }

    @Test
    void idleHalfPublishedBatchesExpire() {
        BatchAssembler<Integer> assembler = new BatchAssembler<>();
        assembler.accept(header(), NOW, 7);
        assertEquals(List.of(), assembler.expire(NOW.plusSeconds(10), java.time.Duration.ofMinutes(1)));
        assertEquals(List.of(new BatchAssembler.Expired<>("b1", List.of(7))),
                assembler.expire(NOW.plusSeconds(120), java.time.Duration.ofMinutes(1)));
    }
}
