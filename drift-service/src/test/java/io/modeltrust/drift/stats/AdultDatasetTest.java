package io.modeltrust.drift.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.service.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UCI Adult: adult.data as reference, adult.test as production. The fixture holds only the figures
 * scipy computed; the rows are read from the shared data folder, and the test is skipped when it
 * (or the fixture) is absent.
 */
class AdultDatasetTest {

    private static final List<String> COLUMNS = List.of("age", "workclass", "fnlwgt", "education",
            "education-num", "marital-status", "occupation", "relationship", "race", "sex", "capital-gain",
            "capital-loss", "hours-per-week", "native-country", "income");

    private static JsonNode fixture;
    private static List<String[]> reference;
    private static List<String[]> production;
    private static String skipReason;

    @BeforeAll
    static void load() throws IOException {
        skipReason = SharedData.missing("UCI Adult", "adult.data", "adult.test");
        if (skipReason != null) {
            return;
        }
        Path train = SharedData.dir().resolve("adult.data");
        Path test = SharedData.dir().resolve("adult.test");
        fixture = Fixtures.load("drift_adult.json");
        assertNotNull(fixture, "fixtures/drift_adult.json is committed: regenerate it with the data present");
        reference = read(train);
        production = read(test);
    }

    /** Per test rather than in @BeforeAll so that surefire lists each skipped test with the reason. */
    @BeforeEach
    void requireData() {
        assumeTrue(skipReason == null, skipReason);
    }

    /** Same parsing as read_adult() in generate_fixtures.py. */
    private static List<String[]> read(Path path) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("|")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].strip();
            }
            fields[14] = fields[14].replaceAll("\\.+$", "");
            rows.add(fields);
        }
        return rows;
    }

    @Test
    void rowCounts() {
        assertEquals(fixture.get("referenceRows").asInt(), reference.size());
        assertEquals(fixture.get("productionRows").asInt(), production.size());
    }

    @Test
    void numericColumnsMatchScipy() {
        for (JsonNode c : fixture.get("numeric")) {
            int i = COLUMNS.indexOf(c.get("column").asText());
            double[] r = numeric(reference, i);
            double[] p = numeric(production, i);
            NumericReferenceProfile profile = NumericReferenceProfile.of(r);
            FeatureComparison fc = FeatureComparator.compareNumeric(c.get("column").asText(), profile, p);
            NumericComparisonTest.check(c.get("expected"), profile, fc, p);
        }
    }

    @Test
    void categoricalColumnsMatchScipy() {
        for (JsonNode c : fixture.get("categorical")) {
            int i = COLUMNS.indexOf(c.get("column").asText());
            Coded r = coded(reference, i);
            Coded p = coded(production, i);
            CategoricalReferenceProfile profile = CategoricalReferenceProfile.of(r.dictionary, r.codes);
            FeatureComparison fc = FeatureComparator.compareCategorical(c.get("column").asText(), profile,
                    p.dictionary, p.codes);
            CategoricalComparisonTest.check(c.get("expected"), fc);
            CategoricalComparisonTest.checkGTest(c.get("expected"), fc, FeatureComparator.compareCategorical(
                    c.get("column").asText(), profile, p.dictionary, p.codes, TwoSampleTests.G_TEST));
        }
    }

    private static double[] numeric(List<String[]> rows, int column) {
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            String v = rows.get(k)[column];
            out[k] = "?".equals(v) ? Double.NaN : Double.parseDouble(v);
        }
        return out;
    }

    private record Coded(String[] dictionary, int[] codes) {
    }

    /** Dictionary = sorted distinct non-"?" strings, as the generator builds it. */
    private static Coded coded(List<String[]> rows, int column) {
        TreeSet<String> distinct = new TreeSet<>();
        rows.forEach(r -> {
            if (!"?".equals(r[column])) {
                distinct.add(r[column]);
            }
        });
        String[] dictionary = distinct.toArray(new String[0]);
        Map<String, Integer> pos = new HashMap<>();
        for (int k = 0; k < dictionary.length; k++) {
            pos.put(dictionary[k], k);
        }
        int[] codes = new int[rows.size()];
        for (int k = 0; k < codes.length; k++) {
            String v = rows.get(k)[column];
            codes[k] = "?".equals(v) ? -1 : pos.get(v);
        }
        return new Coded(dictionary, codes);
    }
}
