package io.modeltrust.drift.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.drift.DriftComputation;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.event.DriftResult.FeatureDrift;
import io.modeltrust.model.event.DriftResult.SegmentDrift;
import io.modeltrust.stats.BenjaminiHochberg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Segments (docs/metrics.md "Segments"): a shift inside one region is found in that region and in no
 * other, a stable batch is flagged nowhere, and the family, sizes and limits are as documented.
 */
class SegmentDriftTest {

    private static final ReferenceProfiles REFERENCE = ReferenceProfiles.of(SegmentBatches.reference(20_000));

    @Test
    void theReferenceKeepsTheLargeSegmentsWithEveryFeatureButTheSegmentColumn() {
        List<String> segments = REFERENCE.segments().stream().map(SegmentProfile::label).toList();
        // south holds about 1,000 reference rows: above the default 200, so all four are profiled, largest first
        assertEquals(List.of("region=east", "region=west", "region=north", "region=south"), segments);
        SegmentProfile east = REFERENCE.segments().get(0);
        assertEquals(List.of("income", "age", "channel"), List.copyOf(east.features().keySet()));
        assertEquals(east.rows(), east.features().get("income").numeric().count());
        assertEquals(20_000, REFERENCE.segments().stream().mapToLong(SegmentProfile::rows).sum());
    }

    @Test
    void aShiftInsideOneSegmentIsFoundThereAndNowhereElse() {
        // half a standard deviation in the north (20% of rows): diluted in the whole batch
        DriftResult r = compute(SegmentBatches.production(7, 10_000, "north", 0.5, SegmentBatches.spec(null, null)));
        for (SegmentDrift s : r.segments()) {
            List<String> drifted = s.features().stream().filter(FeatureDrift::drifted).map(FeatureDrift::feature).toList();
            assertEquals(s.segment().equals("region=north") ? List.of("income") : List.of(), drifted, s.segment());
        }
        SegmentDrift north = segment(r, "region=north");
        assertEquals(1.0 / 3, north.driftShare(), 1e-12);
        assertEquals(1, north.driftedFeatures());
        FeatureDrift income = north.features().get(0);
        assertTrue(income.explanation().startsWith("In region=north (" + String.format("%,d", north.rows()) + " rows): "),
                income.explanation());
        assertTrue(r.explanation().contains("Drift in segments: income in region=north ("), r.explanation());
        assertEquals(0, r.segmentsSkipped());
    }

    @Test
    void stableBatchesAreFlaggedInNoSegment() {
        int falseAlarms = 0;
        for (long seed = 100; seed < 120; seed++) {
            DriftResult r = compute(SegmentBatches.production(seed, 5_000, null, 0, SegmentBatches.spec(null, null)));
            falseAlarms += (int) r.segments().stream().filter(s -> s.driftedFeatures() > 0).count();
            assertFalse(r.explanation().contains("Drift in segments"), r.explanation());
        }
        assertEquals(0, falseAlarms, "20 stable batches × 4 segments × 3 features");
    }

    @Test
    void oneBenjaminiHochbergFamilyCoversEveryFeatureOfEverySegment() {
        DriftResult r = compute(SegmentBatches.production(8, 10_000, "east", 0.3, SegmentBatches.spec(null, null)));
        List<Double> raw = new ArrayList<>();
        List<Double> adjusted = new ArrayList<>();
        r.segments().forEach(s -> s.features().forEach(f -> {
            raw.add(f.pValue());
            adjusted.add(f.adjustedPValue());
        }));
        assertEquals(12, raw.size());
        double[] expected = BenjaminiHochberg.adjust(raw.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], adjusted.get(i), 0, "feature " + i);
        }
    }

    @Test
    void segmentsWithTooFewBatchRowsAreSkippedAndCounted() {
        // 1,500 rows: south has about 75, under the minimum of 200; the others are compared
        DriftResult r = compute(SegmentBatches.production(9, 1_500, null, 0, SegmentBatches.spec(null, null)));
        assertEquals(List.of("region=east", "region=west", "region=north"),
                r.segments().stream().map(SegmentDrift::segment).toList());
        assertEquals(1, r.segmentsSkipped());
        assertTrue(r.explanation().contains("1 segment skipped: too few rows in this batch."), r.explanation());
        // a lower minimum from the batch's spec compares south too
        DriftResult lower = compute(SegmentBatches.production(9, 1_500, null, 0, SegmentBatches.spec(50, null)));
        assertEquals(4, lower.segments().size());
        assertEquals(0, lower.segmentsSkipped());
    }

    @Test
    void onlyTheLargestSegmentsOfAColumnAreProfiled() {
        ReferenceProfiles two = ReferenceProfiles.of(withSpec(SegmentBatches.spec(null, 2)));
        assertEquals(List.of("region=east", "region=west"), two.segments().stream().map(SegmentProfile::label).toList());
        ReferenceProfiles big = ReferenceProfiles.of(withSpec(SegmentBatches.spec(5_000, null)));
        assertEquals(List.of("region=east", "region=west"), big.segments().stream().map(SegmentProfile::label).toList(),
                "north has about 4,000 rows: under a minimum of 5,000");
    }

    @Test
    void aModelWithoutSegmentsHasNoSegmentFields() {
        ReferenceProfiles plain = new ReferenceProfiles("m", 1, REFERENCE.columns(), null);
        DriftResult r = DriftComputation.compute(SegmentBatches.production(3, 2_000, null, 0,
                SegmentBatches.spec(null, null, null)), plain, "e", Instant.EPOCH);
        assertNull(r.segments());
        assertNull(r.segmentsSkipped());
        DriftResult asked = DriftComputation.compute(SegmentBatches.production(3, 2_000, null, 0,
                SegmentBatches.spec(null, null)), plain, "e", Instant.EPOCH);
        assertEquals(List.of(), asked.segments(), "a reference from before the segments were configured");
        assertTrue(asked.explanation().contains("No segment of region is compared"), asked.explanation());
    }

    /** A reference of 20,000 rows profiled under {@code spec}. */
    private static AssembledBatch withSpec(ModelSpec spec) {
        return SegmentBatches.production(1, 20_000, null, 0, spec);
    }

    private static DriftResult compute(AssembledBatch batch) {
        return DriftComputation.compute(batch, REFERENCE, "e", Instant.EPOCH);
    }

    private static SegmentDrift segment(DriftResult r, String label) {
        return r.segments().stream().filter(s -> s.segment().equals(label)).findFirst().orElseThrow();
    }
}
