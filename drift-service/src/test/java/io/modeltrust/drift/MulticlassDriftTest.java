package io.modeltrust.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.drift.profile.ColumnProfile;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.stats.FeatureComparator;
import io.modeltrust.drift.stats.FeatureComparison;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.event.DriftResult.ColumnQuality;
import io.modeltrust.model.event.DriftResult.FeatureDrift;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A multiclass model in the drift service: prediction and label are categoricals compared like any
 * other, each class's score column is a numeric profile, classes predicted now but never in the
 * reference are named, and a feature the spec gained after the reference is left out, not failed.
 */
class MulticlassDriftTest {

    private static final int REFERENCE_ROWS = 3000;
    private static final int PRODUCTION_ROWS = 2000;
    private static final AssembledBatch REFERENCE = MulticlassBatches.reference(REFERENCE_ROWS);
    private static final AssembledBatch PRODUCTION = MulticlassBatches.production(PRODUCTION_ROWS, 0.2);
    private static final ReferenceProfiles PROFILES = ReferenceProfiles.of(REFERENCE);
    private static final DriftResult RESULT = DriftComputation.compute(PRODUCTION, PROFILES, "e", Instant.EPOCH);

    @Test
    void predictionAndLabelAreComparedAsCategoricals() {
        assertFalse(PROFILES.columns().get("decision").isNumeric());
        assertFalse(PROFILES.columns().get("outcome").isNumeric());
        assertCategorical(RESULT.prediction(), "decision");
        assertCategorical(RESULT.label(), "outcome");
        assertTrue(RESULT.prediction().drifted(), "a fifth of the rows now predicted decline");
        assertTrue(RESULT.explanation().contains("The prediction distribution shifted too."), RESULT.explanation());
    }

    /** The same statistics as FeatureComparator gives for any categorical column (golden-tested against SciPy). */
    private static void assertCategorical(FeatureDrift drift, String column) {
        assertNotNull(drift, column);
        CategoricalColumn production = PRODUCTION.categorical(column).orElseThrow();
        FeatureComparison expected = FeatureComparator.compareCategorical(column, PROFILES.columns().get(column).categorical(),
                production.dictionary(), production.codes());
        assertEquals(column, drift.feature());
        assertEquals("categorical", drift.type());
        assertEquals("chi2", drift.test());
        assertEquals(expected.statistic(), drift.statistic(), 0, column);
        assertEquals(expected.pValue(), drift.pValue(), 0, column);
        assertEquals(expected.psi(), drift.psi(), 0, column);
        assertEquals(expected.jensenShannon(), drift.jensenShannon(), 0, column);
        assertNull(drift.wasserstein(), column);
    }

    @Test
    void eachClassScoreIsANumericColumn() {
        for (String c : MulticlassBatches.CLASSES) {
            String name = "p_" + c;
            ColumnProfile profile = PROFILES.columns().get(name);
            assertTrue(profile.isNumeric(), name);
            ColumnQuality q = quality(name);
            assertEquals("score", q.role());
            assertEquals("numeric", q.type());
            assertNull(q.unseenCategories(), name);
            double[] ref = REFERENCE.numeric(name).orElseThrow().values();
            double[] prod = PRODUCTION.numeric(name).orElseThrow().values();
            assertEquals(outsideRange(ref, prod), q.outOfRangeShare(), 1e-15, name);
        }
        // the reference never predicted decline, so its decline scores never exceeded 0.25
        assertTrue(quality("p_decline").outOfRangeShare() >= 0.15, "" + quality("p_decline").outOfRangeShare());
        assertTrue(RESULT.features().stream().noneMatch(f -> f.feature().startsWith("p_")), "scores are not features");
    }

    @Test
    void classesNeverPredictedInTheReferenceAreNamed() {
        ColumnQuality prediction = quality("decision");
        assertEquals("prediction", prediction.role());
        assertEquals(List.of("decline"), prediction.unseenCategories());
        int[] codes = PRODUCTION.categorical("decision").orElseThrow().codes();
        long declines = java.util.Arrays.stream(codes).filter(code -> code == 2).count(); // "decline" is code 2
        assertEquals((double) declines / PRODUCTION_ROWS, prediction.unseenCategoryShare(), 1e-15);
        assertEquals(List.of(), quality("outcome").unseenCategories(), "every class was a label in the reference");
        assertTrue(RESULT.prediction().explanation().contains("\"decline\" (never seen in the reference)"),
                RESULT.prediction().explanation());
        String json = Json.toString(RESULT);
        assertTrue(json.contains("\"unseenCategories\":[\"decline\"]"), json);
    }

    @Test
    void aFeatureTheSpecGainedAfterTheReferenceIsLeftOutUntilTheNextReference() {
        assertNull(PROFILES.columns().get(MulticlassBatches.NEW_FEATURE));
        assertEquals(List.of("x1", "c1"), RESULT.features().stream().map(FeatureDrift::feature).toList());
        assertTrue(RESULT.dataQuality().stream().noneMatch(q -> q.column().equals(MulticlassBatches.NEW_FEATURE)));
        assertTrue(RESULT.explanation().endsWith(" Not compared until the next reference (reference v1): x_new (not in "
                + "the reference)."), RESULT.explanation());
        assertEquals(RESULT.features().stream().filter(FeatureDrift::drifted).count(), RESULT.driftedFeatures());
    }

    private static ColumnQuality quality(String column) {
        return RESULT.dataQuality().stream().filter(q -> q.column().equals(column)).findFirst().orElseThrow();
    }

    private static double outsideRange(double[] reference, double[] production) {
        double min = java.util.Arrays.stream(reference).min().orElseThrow();
        double max = java.util.Arrays.stream(reference).max().orElseThrow();
        return (double) java.util.Arrays.stream(production).filter(v -> v < min || v > max).count() / production.length;
    }
}
