package io.modeltrust.drift.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.modeltrust.drift.DriftComputation;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.window.PooledWindow;
import io.modeltrust.drift.window.WindowBatch;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The current batch against three previous batches pooled equals SciPy on the concatenated rows
 * (fixtures/drift_window.json, generate_window_fixtures.py): KS, chi-square, PSI, Jensen–Shannon,
 * Wasserstein, Hellinger, the Benjamini–Hochberg adjustment and the decision.
 */
class WindowFixtureTest {

    private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("x", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("steady", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c", ColumnRole.FEATURE, ColumnType.CATEGORICAL));
    private static final ModelSpec SPEC = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("x", ColumnType.NUMERIC), new FeatureSpec("steady", ColumnType.NUMERIC),
                    new FeatureSpec("c", ColumnType.CATEGORICAL)), "approved", null, null, "1", null, null, null, null,
            new DriftSettings(null, null, null, null, null, new DriftSettings.ReferenceWindow("previous", 3)), null);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static AssembledBatch batch(JsonNode b, String id, int day) {
        double[] x = Fixtures.numericColumn(JsonNodeFactory.instance.objectNode().set("values", b.get("x")));
        double[] steady = Fixtures.toDoubles(b.get("steady"));
        int[] c = new int[b.get("c").size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = b.get("c").get(i).asInt();
        }
        Instant at = T0.plus(Duration.ofDays(day));
        BatchHeader header = new BatchHeader(null, 1, "e-" + id, "m", id, BatchKind.PRODUCTION, 1, 1, SPEC, COLUMNS, at, at);
        return new AssembledBatch(header, new BatchSeal(null, 1, "s-" + id, "m", id, BatchKind.PRODUCTION, x.length, 1),
                List.of(new NumericColumn(x), new NumericColumn(steady),
                        new CategoricalColumn(Fixtures.toStrings(b.get("dictionary")), c)));
    }

    @Test
    void thePooledPreviousBatchesAreTheReferenceOfEveryStatistic() {
        JsonNode fixture = Fixtures.load("drift_window.json");
        List<WindowBatch> kept = new ArrayList<>();
        JsonNode previous = fixture.get("previous");
        for (int i = 0; i < previous.size(); i++) {
            kept.add(WindowBatch.of(batch(previous.get(i), "p" + i, i + 1), WindowBatch.DEFAULT_MAX_ROWS));
        }
        AssembledBatch current = batch(fixture.get("current"), "now", 10);
        // the fixed reference plays no part in mode previous once a previous batch exists
        ReferenceProfiles unused = ReferenceProfiles.of(batch(previous.get(0), "ref", 0));
        DriftResult result = DriftComputation.compute(current, unused, PooledWindow.pool(kept), "e", Instant.EPOCH);
        assertEquals("previous", result.referenceMode());
        assertEquals(fixture.get("pooledRows").asLong(), result.previous().rows());
        JsonNode expected = fixture.get("expected");
        for (FeatureDrift f : result.features()) {
            JsonNode e = expected.get(f.feature());
            String what = f.feature();
            boolean numeric = "numeric".equals(f.type());
            Fixtures.assertStat(e.get(numeric ? "ksStatistic" : "chi2Statistic"), f.statistic(), what + " statistic");
            Fixtures.assertPValue(e.get(numeric ? "ksPValue" : "chi2PValue").asDouble(), f.pValue(), what + " pValue");
            Fixtures.assertPValue(e.get("adjustedPValue").asDouble(), f.adjustedPValue(), what + " adjustedPValue");
            Fixtures.assertStat(e.get("psi"), f.psi(), what + " psi");
            Fixtures.assertStat(e.get("jensenShannon"), f.jensenShannon(), what + " jensenShannon");
            Fixtures.assertStat(e.get("hellinger"), f.hellinger(), what + " hellinger");
            if (numeric) {
                Fixtures.assertStat(e.get("wasserstein"), f.wasserstein(), what + " wasserstein");
            }
            assertEquals(e.get("drifted").asBoolean(), f.drifted(), what);
        }
        assertEquals(3, result.features().size());
    }
}
