package io.modeltrust.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modeltrust.drift.multivariate.MultivariateDrift;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.event.DriftResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift result's multivariate part: the reference's features only, the same figures as the model, one sentence. */
class MultivariateResultTest {

    private static final AssembledBatch REFERENCE = MulticlassBatches.reference(3000);
    private static final AssembledBatch PRODUCTION = MulticlassBatches.production(2000, 0.2);
    private static final ReferenceProfiles PROFILES = ReferenceProfiles.of(REFERENCE);

    @Test
    void fittedOnTheReferenceFeaturesAndScoredOnTheBatch() {
        assertEquals(List.of("x1", "c1"), PROFILES.multivariate().featureNames(), "features only, not prediction or label");
        DriftResult result = DriftComputation.compute(PRODUCTION, PROFILES, "e", Instant.EPOCH);
        DriftResult.Multivariate m = result.multivariate();
        assertNotNull(m);
        assertEquals("pca_reconstruction", m.method());
        MultivariateDrift expected = PROFILES.multivariate().compare(ReferenceProfiles.featureColumns(PRODUCTION).stream()
                .filter(c -> !c.name().equals("x_new")).toList());
        assertEquals(expected.value(), m.value(), 0);
        assertEquals(expected.lower(), m.lower(), 0);
        assertEquals(expected.upper(), m.upper(), 0);
        assertEquals(expected.drifted(), m.drifted());
        assertEquals(expected.contributors(), m.contributors());
    }

    @Test
    void theBatchExplanationNamesTheBandAndTheContributorsOnlyWhenDrifted() {
        assertEquals(" Multivariate drift: the PCA reconstruction error 1.185 is above the reference band [0.7561, 0.8782], "
                + "most from x2, x1.", DriftComputation.multivariateSentence(new DriftResult.Multivariate("pca_reconstruction",
                1.185412, 0.756112, 0.878188, true, List.of("x2", "x1"))));
        assertEquals("", DriftComputation.multivariateSentence(new DriftResult.Multivariate("pca_reconstruction", 0.8, 0.75,
                0.88, false, List.of("x2"))));
        assertEquals("", DriftComputation.multivariateSentence(null));
    }

    @Test
    void noResultWithoutAModelOrWhenAReferenceFeatureIsMissingFromTheBatch() {
        ReferenceProfiles gained = ReferenceProfiles.of(PRODUCTION);
        assertEquals(List.of("x1", "c1", "x_new"), gained.multivariate().featureNames());
        assertNull(DriftComputation.compute(REFERENCE, gained, "e", Instant.EPOCH).multivariate(), "x_new is not in the batch");
        ReferenceProfiles withoutModel = new ReferenceProfiles(PROFILES.modelId(), PROFILES.referenceVersion(),
                PROFILES.columns(), null);
        assertNull(DriftComputation.compute(PRODUCTION, withoutModel, "e", Instant.EPOCH).multivariate(),
                "a reference profiled before multivariate drift existed");
    }
}
