package io.modeltrust.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.fairness.metrics.FairnessEngine;
import io.modeltrust.fairness.metrics.FairnessOptions;
import io.modeltrust.fairness.metrics.FairnessReport;
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
import io.modeltrust.model.event.FairnessResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FairnessSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairnessComputationTest {

    private static final FairnessComputation.Meta META = new FairnessComputation.Meta("e", "m", "b", 1, 1,
            Instant.EPOCH, Instant.EPOCH);

    private static ModelSpec spec(Map<String, String> privileged, FairnessSettings fairness) {
        return new ModelSpec(Task.BINARY_CLASSIFICATION, List.of(new FeatureSpec("sex", ColumnType.CATEGORICAL)),
                "pred", null, "y", "yes", List.of("sex", "age"), privileged, "id", null, null, fairness);
    }

    /** sex is a feature (role FEATURE), age a numeric sensitive column; 4 groups of sex incl. a literal "(missing)". */
    private static AssembledBatch batch(ModelSpec spec, int n, double femaleRate) {
        String[] sexes = {"female", "male", "(missing)"};
        int[] sex = new int[n];
        double[] age = new double[n];
        int[] pred = new int[n];
        int[] y = new int[n];
        String[] ids = new String[n];
        int[] idCodes = new int[n];
        for (int i = 0; i < n; i++) {
            sex[i] = i % 20 == 0 ? -1 : i % 20 == 1 ? 2 : i % 2;
            age[i] = i % 50 == 0 ? Double.NaN : 18 + (i * 7) % 60;
            double rate = sex[i] == 0 ? femaleRate : 0.5;
            pred[i] = (i * 0.6180339887) % 1 < rate ? 0 : 1; // code 0 = "yes"
            y[i] = i % 3 == 0 ? -1 : (i % 4 == 0 ? 0 : 1);
            ids[i] = "id" + i;
            idCodes[i] = i;
        }
        List<ColumnSpec> specs = List.of(new ColumnSpec("sex", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
                new ColumnSpec("age", ColumnRole.SENSITIVE, ColumnType.NUMERIC),
                new ColumnSpec("pred", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
                new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL),
                new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL));
        List<Column> columns = List.of(new CategoricalColumn(sexes, sex), new NumericColumn(age),
                new CategoricalColumn(new String[] {"yes", "no"}, pred), new CategoricalColumn(new String[] {"no", "yes"}, y),
                new CategoricalColumn(ids, idCodes));
        BatchHeader header = new BatchHeader(null, 1, "e", "m", "b", BatchKind.PRODUCTION, 1, 1, spec, specs,
                Instant.EPOCH, Instant.EPOCH);
        return new AssembledBatch(header, new BatchSeal(null, 1, "s", "m", "b", BatchKind.PRODUCTION, n, 1), columns);
    }

    @Test
    void inputsFollowTheSpec() {
        ModelSpec spec = spec(Map.of(), new FairnessSettings(null, null, Map.of("age", List.of(30.0, 50.0)), null));
        FairnessInputs in = FairnessInputs.of(batch(spec, 1000, 0.3));
        assertEquals(List.of("sex", "age"), in.attributes().stream().map(a -> a.name()).toList());
        assertEquals(List.of("female", "male", "\"(missing)\""), List.of(in.attributes().get(0).dictionary()));
        assertEquals(List.of("<30", "30-50", ">=50"), List.of(in.attributes().get(1).dictionary()));
        assertEquals(-1, in.attributes().get(1).codes()[0], "NaN age is missing");
        assertEquals(1000, in.rows());
        long labelled = 0;
        for (int i = 0; i < 1000; i++) {
            labelled += i % 3 == 0 ? 0 : 1;
        }
        assertEquals(labelled, in.labeledRows());
        assertEquals(1, in.labelState()[1], "y code 1 = yes = positive");
        assertEquals(-1, in.labelState()[0]);
        assertNotNull(in.idHashes());
        assertTrue(FairnessInputs.applies(spec));
        assertFalse(FairnessInputs.applies(new ModelSpec(Task.REGRESSION, null, "p", null, null, null, List.of("sex"),
                null, null, null, null, null)));
    }

    @Test
    void referenceGroupComesFromTheBaselineUnlessConfigured() {
        FairnessSettings settings = new FairnessSettings(30, List.of(List.of("sex", "age")),
                Map.of("age", List.of(30.0, 50.0)), "approval");
        ModelSpec configured = spec(Map.of("sex", "female", "age", "30-50"), settings);
        FairnessReport baseline = FairnessComputation.baseline(FairnessInputs.of(batch(configured, 2000, 0.5)), configured);
        assertEquals("female", baseline.attribute("sex").referenceGroup());
        assertEquals("female|30-50", baseline.attribute("sex|age").referenceGroup(), "derived from both parts");

        // the same baseline, used by a model without configured privileged groups
        ModelSpec unconfigured = spec(Map.of(), settings);
        FairnessResult r = FairnessComputation.compute(FairnessInputs.of(batch(unconfigured, 2000, 0.3)), unconfigured,
                baseline, META).result();
        FairnessResult.AttributeResult sex = r.attributes().get(0);
        assertEquals("female", sex.referenceGroup());
        assertEquals("baseline", sex.referenceSource());
        assertEquals("female", sex.baseline().referenceGroup());
        assertNotNull(sex.baseline().demographicParityRatioChange());
        assertNotNull(sex.groups().get(1).selectionRateChange());

        FairnessResult own = FairnessComputation.compute(FairnessInputs.of(batch(configured, 2000, 0.3)), configured,
                baseline, META).result();
        assertEquals("privileged", own.attributes().get(0).referenceSource());
        FairnessResult none = FairnessComputation.compute(FairnessInputs.of(batch(unconfigured, 2000, 0.3)), unconfigured,
                null, META).result();
        assertEquals("largest", none.attributes().get(0).referenceSource());
        assertNull(none.attributes().get(0).baseline());
        assertTrue(none.explanation().startsWith("Approval rate for "), none.explanation());
    }

    @Test
    void smallGroupsAreReportedButNotCompared() {
        ModelSpec spec = spec(Map.of(), new FairnessSettings(5000, null, Map.of("age", List.of(30.0)), null));
        FairnessResult r = FairnessComputation.compute(FairnessInputs.of(batch(spec, 300, 0.3)), spec, null, META).result();
        assertNull(r.worst());
        assertTrue(r.explanation().startsWith("No disparity to assess"), r.explanation());
        FairnessResult.AttributeResult sex = r.attributes().get(0);
        assertNull(sex.demographicParityRatio());
        for (FairnessResult.GroupResult g : sex.groups()) {
            assertFalse(g.eligible());
            if (!g.group().equals(sex.referenceGroup())) {
                assertNotNull(g.pValue(), "each group still has its test against the reference");
            }
        }
        String json = Json.toString(r);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
    }

    @Test
    void baselineSurvivesItsJsonRoundTrip() {
        FairnessSettings settings = new FairnessSettings(30, List.of(List.of("sex", "age")),
                Map.of("age", List.of(30.0, 50.0)), null);
        ModelSpec spec = spec(Map.of("sex", "male"), settings);
        FairnessReport report = FairnessComputation.baseline(FairnessInputs.of(batch(spec, 3000, 0.4)), spec);
        assertNotNull(report.attribute("sex").group("female").test());
        assertEquals(report, Json.fromString(Json.toString(report), FairnessReport.class));
        assertEquals(spec, Json.fromString(Json.toString(spec), ModelSpec.class), "the spec stored with pending predictions");
    }

    @Test
    void wording() {
        assertEquals("Approval rate", FairnessComputation.wording(spec(null, new FairnessSettings(null, null, null,
                "approval"))).positiveRateNoun());
        assertEquals("Hire rate", FairnessComputation.wording(spec(null, new FairnessSettings(null, null, null,
                "Hire rate"))).positiveRateNoun());
        assertEquals("Selection rate", FairnessComputation.wording(spec(null, null)).positiveRateNoun());
    }
    @Test
    void multiclassBatchGivesThePythonFigures() {
        FairnessInputs in = FairnessInputs.of(MulticlassFixture.batch("mc", true));
        assertTrue(FairnessInputs.applies(MulticlassFixture.SPEC));
        assertTrue(in.multiclass());
        FairnessResult r = FairnessComputation.compute(in, MulticlassFixture.SPEC, null, META).result();
        MulticlassFixture.assertResultMatches(r.attributes(), MulticlassFixture.expected(), true);
        assertEquals(MulticlassFixture.expectedWorstText(), r.worst().text());

        // the binarised accuracy would count a "review" predicted for a "decline" as right
        FairnessReport binarised = FairnessEngine.compute(in.attributes(), in.predictedPositive(), in.labelState(),
                new FairnessOptions(30, Map.of("sex", "male"), List.of(List.of("sex", "age"))));
        FairnessResult.GroupResult female = r.attributes().get(0).groups().stream()
                .filter(g -> g.group().equals("female")).findFirst().orElseThrow();
        double binarisedAccuracy = binarised.attribute("sex").group("female").accuracy();
        assertTrue(binarisedAccuracy > female.accuracy() + 0.05, binarisedAccuracy + " vs " + female.accuracy());
        assertEquals(binarised.attribute("sex").group("female").tpr(), female.tpr(), 0, "tpr is the binarised one");
    }

    @Test
    void multiclassWithoutLabelsHasNoLabelFigures() {
        FairnessInputs in = FairnessInputs.of(MulticlassFixture.batch("mc", false));
        assertEquals(0, in.labeledRows());
        FairnessResult r = FairnessComputation.compute(in, MulticlassFixture.SPEC, null, META).result();
        MulticlassFixture.assertResultMatches(r.attributes(), MulticlassFixture.expected(), false);
    }

    @Test
    void multiclassNeedsItsFavourableClassAndValuesAmongTheClasses() {
        ModelSpec spec = MulticlassFixture.SPEC;
        ModelSpec noFavourable = new ModelSpec(spec.task(), spec.features(), spec.prediction(), null, spec.label(), null,
                spec.sensitive(), spec.privileged(), spec.id(), null, null,
                new FairnessSettings(30, null, Map.of("age", List.of(30.0)), null), spec.classes(), spec.scores());
        assertThrows(IllegalArgumentException.class, () -> FairnessInputs.favorableClass(noFavourable));
        assertEquals("approve", FairnessInputs.favorableClass(spec));

        int n = 4;
        List<Column> columns = new java.util.ArrayList<>(MulticlassFixture.columns("x", true));
        int at = 3; // the prediction column
        columns.set(at, new CategoricalColumn(new String[] {"approve", "maybe"}, new int[] {0, 1, 0, 0}));
        List<Column> shortened = columns.stream().map(c -> truncate(c, n)).toList();
        BatchHeader header = new BatchHeader(null, 1, "e", "m", "b", BatchKind.PRODUCTION, 1, 1, spec,
                MulticlassFixture.COLUMNS, Instant.EPOCH, Instant.EPOCH);
        AssembledBatch batch = new AssembledBatch(header, new BatchSeal(null, 1, "s", "m", "b", BatchKind.PRODUCTION, n, 1),
                shortened);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FairnessInputs.of(batch));
        assertTrue(e.getMessage().contains("maybe"), e.getMessage());
    }

    @Test
    void binaryFavourableClassDefaultsToThePositiveClass() {
        ModelSpec base = spec(Map.of(), null);
        assertEquals("yes", FairnessInputs.favorableClass(base));
        ModelSpec numeric = new ModelSpec(Task.BINARY_CLASSIFICATION, base.features(), "pred", null, "y", "1",
                base.sensitive(), null, null, null, null, new FairnessSettings(null, null, null, null, "0.0"),
                List.of("0", "1"), null);
        assertEquals("0", FairnessInputs.favorableClass(numeric), "spelled as the declared class");
        ModelSpec unknown = new ModelSpec(Task.BINARY_CLASSIFICATION, base.features(), "pred", null, "y", "1",
                base.sensitive(), null, null, null, null, new FairnessSettings(null, null, null, null, "7"),
                List.of("0", "1"), null);
        assertThrows(IllegalArgumentException.class, () -> FairnessInputs.favorableClass(unknown));

        // favourable "no": the selection rate is the share predicted "no"
        ModelSpec no = spec(Map.of(), new FairnessSettings(null, null, Map.of("age", List.of(30.0)), null, "no"));
        FairnessInputs yes = FairnessInputs.of(batch(spec(Map.of(), new FairnessSettings(null, null,
                Map.of("age", List.of(30.0)), null)), 1000, 0.3));
        FairnessInputs flipped = FairnessInputs.of(batch(no, 1000, 0.3));
        for (int i = 0; i < 1000; i++) {
            assertEquals(!yes.predictedPositive()[i], flipped.predictedPositive()[i]);
            assertEquals(yes.labelState()[i] < 0 ? -1 : 1 - yes.labelState()[i], flipped.labelState()[i]);
        }
        assertNull(flipped.correct(), "binary accuracy needs no correctness array");
    }

    private static Column truncate(Column c, int n) {
        if (c instanceof NumericColumn num) {
            return new NumericColumn(java.util.Arrays.copyOf(num.values(), n));
        }
        CategoricalColumn cat = (CategoricalColumn) c;
        return new CategoricalColumn(cat.dictionary(), java.util.Arrays.copyOf(cat.codes(), n));
    }
}
