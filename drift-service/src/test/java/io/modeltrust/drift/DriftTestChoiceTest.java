package io.modeltrust.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.stats.FeatureComparator;
import io.modeltrust.drift.stats.FeatureComparison;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.event.DriftResult.FeatureDrift;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.stats.BenjaminiHochberg;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * drift.numericTest and drift.categoricalTest reach the result: each feature names its test and
 * carries that test's statistic and p-value, Benjamini-Hochberg runs over those p-values, the
 * decision follows them, and every feature carries hellinger.
 */
class DriftTestChoiceTest {

    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("shifted", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("steady", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("colour", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("approved", ColumnRole.PREDICTION, ColumnType.CATEGORICAL));

    @ParameterizedTest
    @CsvSource({"ks, chi2", "cramer_von_mises, g_test", "anderson_darling, chi2", "cramer_von_mises, chi2",
            "anderson_darling, g_test"})
    void theChosenTestsDecide(String numericTest, String categoricalTest) {
        DriftSettings settings = new DriftSettings(numericTest, categoricalTest, null, null, null);
        AssembledBatch reference = batch(BatchKind.REFERENCE, settings, 4000, 0.0);
        AssembledBatch production = batch(BatchKind.PRODUCTION, settings, 3000, 1.0);
        ReferenceProfiles profiles = ReferenceProfiles.of(reference);
        DriftResult result = DriftComputation.compute(production, profiles, "e", Instant.EPOCH);

        assertEquals(numericTest, result.rule().numericTest());
        assertEquals(categoricalTest, result.rule().categoricalTest());
        double[] raw = new double[3];
        for (int i = 0; i < 3; i++) {
            FeatureDrift f = result.features().get(i);
            String test = "numeric".equals(f.type()) ? numericTest : categoricalTest;
            assertEquals(test, f.test(), f.feature());
            FeatureComparison expected = expected(profiles, production, f.feature(), test);
            assertEquals(expected.statistic(), f.statistic(), 0, f.feature());
            assertEquals(expected.pValue(), f.pValue(), 0, f.feature());
            assertNotNull(f.hellinger(), f.feature());
            assertEquals(expected.hellinger(), f.hellinger(), 0, f.feature());
            raw[i] = f.pValue();
        }
        double[] adjusted = BenjaminiHochberg.adjust(raw);
        for (int i = 0; i < 3; i++) {
            FeatureDrift f = result.features().get(i);
            assertEquals(adjusted[i], f.adjustedPValue(), 0, f.feature());
            assertEquals(f.adjustedPValue() < 0.05 && f.psi() >= 0.1, f.drifted(), f.feature());
        }
        assertTrue(feature(result, "shifted").drifted(), "a shift of one reference std");
        assertFalse(feature(result, "steady").drifted());
        assertTrue(feature(result, "colour").drifted(), "colour shares moved");
        assertEquals(categoricalTest, result.prediction().test());
        assertNotNull(result.prediction().hellinger());

        JsonNode json = Json.MAPPER.valueToTree(result);
        assertEquals(feature(result, "steady").hellinger(), json.get("features").get(1).get("hellinger").asDouble(), 0);
        assertEquals(result, Json.fromString(Json.toString(result), DriftResult.class));
    }

    private static FeatureDrift feature(DriftResult result, String name) {
        return result.features().stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }

    private static FeatureComparison expected(ReferenceProfiles profiles, AssembledBatch production, String name,
                                              String test) {
        if (profiles.columns().get(name).isNumeric()) {
            return FeatureComparator.compareNumeric(name, profiles.columns().get(name).numeric(),
                    production.numeric(name).orElseThrow().values(), test);
        }
        CategoricalColumn c = production.categorical(name).orElseThrow();
        return FeatureComparator.compareCategorical(name, profiles.columns().get(name).categorical(), c.dictionary(),
                c.codes(), test);
    }

    private static AssembledBatch batch(BatchKind kind, DriftSettings settings, int rows, double shift) {
        ModelSpec spec = new ModelSpec(Task.BINARY_CLASSIFICATION, List.of(
                new FeatureSpec("shifted", ColumnType.NUMERIC), new FeatureSpec("steady", ColumnType.NUMERIC),
                new FeatureSpec("colour", ColumnType.CATEGORICAL)), "approved", null, null, "yes", null, null, null,
                null, settings, null);
        SplittableRandom random = new SplittableRandom(kind == BatchKind.REFERENCE ? 11 : 12);
        double[] shifted = new double[rows];
        double[] steady = new double[rows];
        int[] colour = new int[rows];
        int[] approved = new int[rows];
        for (int i = 0; i < rows; i++) {
            shifted[i] = random.nextGaussian() + shift;
            steady[i] = random.nextGaussian();
            double u = random.nextDouble();
            colour[i] = u < (shift > 0 ? 0.2 : 0.5) ? 0 : u < 0.8 ? 1 : 2;
            approved[i] = random.nextInt(2);
        }
        List<Column> data = List.of(new NumericColumn(shifted), new NumericColumn(steady),
                new CategoricalColumn(new String[] {"red", "green", "blue"}, colour),
                new CategoricalColumn(new String[] {"yes", "no"}, approved));
        String id = kind == BatchKind.REFERENCE ? "ref" : "prod";
        BatchHeader header = new BatchHeader(null, 1, "e-" + id, "m", id, kind, 1, 1, spec, COLUMNS, Instant.EPOCH,
                Instant.EPOCH);
        return new AssembledBatch(header, new BatchSeal(null, 1, "s-" + id, "m", id, kind, rows, 1), data);
    }
}
