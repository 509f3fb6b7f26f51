package io.modeltrust.scenario.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeltrust.scenario.privacy.Canary.Origin;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanaryScannerTest {

    private static final int ROWS = 200;
    private final Canaries canaries = new Canaries(7, 2 * ROWS, ROWS);
    private final CanaryScanner scanner = new CanaryScanner(canaries.all());
    private final List<Canary> batch1 = canaries.all().stream().filter(c -> c.origin() == Origin.BATCH_1).toList();
    private final double[] values = batch1.stream().filter(Canary::numeric).mapToDouble(c -> Double.parseDouble(c.text())).toArray();

    private Set<Canary> scan(String text) {
        Set<Canary> found = new HashSet<>();
        scanner.scan(text, found::add);
        return found;
    }

    @Test
    void everyValueAndTokenOfAnUploadIsFoundInItsCsv() {
        assertEquals(new HashSet<>(batch1), scan(canaries.csv(Origin.BATCH_1)));
        assertEquals(ROWS * 3, scan(canaries.csv(Origin.REJECTED)).size(), "numbers, tokens and the undeclared column");
    }

    @Test
    void numbersAreFoundAsJsonAsPostgresqlRecordsAndRoundedToSixDecimals() throws Exception {
        String json = new ObjectMapper().writeValueAsString(Map.of("values", values));
        assertEquals(ROWS, scan(json).size());
        StringBuilder record = new StringBuilder("(m,b,\"{");
        for (double v : values) {
            record.append(Double.toString(v)).append(',');
        }
        assertEquals(ROWS, scan(record.append("}\")").toString()).size());
        assertEquals(1, scan(String.format(java.util.Locale.ROOT, "%.6f", values[3] + 1e-8)).size());
    }

    @Test
    void packedDoublesAreFoundInByteaAtAnyOffsetEitherEndian() {
        ByteBuffer le = ByteBuffer.allocate(3 + 8 * 4).order(ByteOrder.LITTLE_ENDIAN);
        le.put(new byte[] {1, 2, 3});
        for (int i = 0; i < 4; i++) {
            le.putDouble(values[i]);
        }
        ByteBuffer be = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(values[10]);
        String row = "(x,\"\\\\x" + HexFormat.of().formatHex(le.array()) + "\",\\x" + HexFormat.of().formatHex(be.array()) + ")";
        assertEquals(5, scan(row).size());
    }

    @Test
    void tokensAreFoundInTextAndInBytea() {
        String token = batch1.stream().filter(c -> !c.numeric()).findFirst().orElseThrow().text();
        assertEquals(1, scan("{\"topBins\":[{\"label\":\"" + token + "\"}]}").size());
        String utf8 = HexFormat.of().formatHex(("\u0000\u0000" + token).getBytes(StandardCharsets.UTF_8));
        assertEquals(1, scan("\\x" + utf8).size());
    }

    @Test
    void aggregatesOfABatchAreNotMistakenForItsValues() {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(values).average().orElseThrow();
        StringBuilder aggregates = new StringBuilder().append(mean);
        for (double q : new double[] {0.1, 0.5, 0.9}) {
            double pos = q * (sorted.length - 1);
            int lo = (int) Math.floor(pos);
            aggregates.append(',').append(sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (pos - lo));
        }
        assertTrue(scan(aggregates.toString()).isEmpty(), aggregates.toString());
        assertFalse(scan(Double.toString(sorted[0])).isEmpty(), "the minimum is a row's value");
    }

    @Test
    void longRunsOfDigitsAreReadOnce() {
        // A constant column's sorted doubles print as one long run of digits: 0x4038000000000000 is "0000000000003840".
        String constant = "0000000000003840".repeat(100_000);
        assertTrue(scan("(m,income,\"\\\\x" + constant + "\",12345" + constant.substring(0, 50_000) + ")").isEmpty());
        assertEquals(1, scan(constant.substring(0, 100_000) + " " + batch1.get(0).text()).size());
    }
}
