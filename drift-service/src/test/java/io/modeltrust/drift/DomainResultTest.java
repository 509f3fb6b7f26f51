package io.modeltrust.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The drift result's domainClassifier part: present when the spec asks for it, drifted where only the
 * correlation of x1 and x2 broke, with a sentence naming them; absent, with a note, for a reference
 * profiled while the setting was off.
 */
class DomainResultTest {

    private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("x1", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("x2", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c1", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("pred", ColumnRole.PREDICTION, ColumnType.CATEGORICAL));

    @Test
    void aBrokenCorrelationDriftsTheDomainClassifierAndTheSentenceNamesTheFeatures() {
        ReferenceProfiles reference = ReferenceProfiles.of(batch(BatchKind.REFERENCE, 1, 2000, false, true));
        assertNotNull(reference.domainSample(), "kept because the spec asks for the check");
        assertEquals(2000, reference.domainSample().rows());

        DriftResult broken = DriftComputation.compute(batch(BatchKind.PRODUCTION, 2, 1500, true, true), reference, "e",
                Instant.EPOCH);
        DriftResult.Multivariate d = broken.domainClassifier();
        assertNotNull(d);
        assertEquals(DriftResult.DOMAIN_CLASSIFIER, d.method());
        assertTrue(d.drifted() && d.value() > d.upper() + 0.05, d::toString);
        assertEquals(List.of("x1", "x2"), d.contributors().stream().sorted().toList(), d::toString);
        assertTrue(broken.explanation().contains(" Domain classifier: a classifier tells the batch from the reference "
                + "with cross-validated AUC "), broken.explanation());
        assertTrue(broken.explanation().contains("; it leant most on " + String.join(", ", d.contributors()) + "."),
                broken.explanation());
        assertTrue(Json.toString(broken).contains("\"domainClassifier\":{\"method\":\"domain_classifier\""));

        DriftResult stable = DriftComputation.compute(batch(BatchKind.PRODUCTION, 3, 1500, false, true), reference, "e",
                Instant.EPOCH);
        assertNotNull(stable.domainClassifier());
        assertFalse(stable.domainClassifier().drifted(), stable.domainClassifier()::toString);
        assertFalse(stable.explanation().contains("Domain classifier"), stable.explanation());
    }

    @Test
    void offByDefaultAndNoRowsKept() {
        ReferenceProfiles reference = ReferenceProfiles.of(batch(BatchKind.REFERENCE, 1, 500, false, false));
        assertNull(reference.domainSample(), "no reference rows are kept unless the spec asks for the check");
        DriftResult result = DriftComputation.compute(batch(BatchKind.PRODUCTION, 2, 500, true, false), reference, "e",
                Instant.EPOCH);
        assertNull(result.domainClassifier());
        assertNotNull(result.multivariate(), "the PCA check is unchanged");
        assertFalse(Json.toString(result).contains("domainClassifier"));
    }

    @Test
    void aReferenceProfiledWithTheCheckOffGivesANoteUntilTheNextReference() {
        ReferenceProfiles reference = ReferenceProfiles.of(batch(BatchKind.REFERENCE, 1, 500, false, false));
        DriftResult result = DriftComputation.compute(batch(BatchKind.PRODUCTION, 2, 500, true, true), reference, "e",
                Instant.EPOCH);
        assertNull(result.domainClassifier());
        assertTrue(result.explanation().endsWith(" No domain classifier until the next reference: reference v1 was "
                + "profiled while drift.domainClassifier was off and kept no sample."), result.explanation());
    }

    /** x1 ~ N(0,1), x2 = 0.8·x1 + 0.6·N (shuffled when {@code broken}: equal marginals), c1 uniform of three. */
    private static AssembledBatch batch(BatchKind kind, long seed, int rows, boolean broken, boolean domainClassifier) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        int[] c1 = new int[rows];
        int[] pred = new int[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = gaussian(random);
            x2[i] = 0.8 * x1[i] + 0.6 * gaussian(random);
            c1[i] = random.nextInt(3);
            pred[i] = random.nextInt(2);
        }
        if (broken) {
            for (int i = rows - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                double t = x2[i];
                x2[i] = x2[k];
                x2[k] = t;
            }
        }
        DriftSettings drift = domainClassifier ? new DriftSettings(null, null, null, null, null, true) : null;
        ModelSpec spec = new ModelSpec(Task.BINARY_CLASSIFICATION, List.of(new FeatureSpec("x1", ColumnType.NUMERIC),
                new FeatureSpec("x2", ColumnType.NUMERIC), new FeatureSpec("c1", ColumnType.CATEGORICAL)), "pred", null,
                null, "1", null, null, null, null, drift, null);
        String id = kind.name().toLowerCase() + seed;
        BatchHeader header = new BatchHeader(null, 1, "e-" + id, "m", id, kind, 1, 1, spec, COLUMNS, Instant.EPOCH,
                Instant.EPOCH);
        return new AssembledBatch(header, new BatchSeal(null, 1, "s-" + id, "m", id, kind, rows, 1), List.of(
                new NumericColumn(x1), new NumericColumn(x2), new CategoricalColumn(new String[]{"a", "b", "c"}, c1),
                new CategoricalColumn(new String[]{"0", "1"}, pred)));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
