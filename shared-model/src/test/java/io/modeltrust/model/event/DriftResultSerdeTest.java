package io.modeltrust.model.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift result on the wire: the multivariate part round-trips, and results from before it still read. */
class DriftResultSerdeTest {

    private static final Instant T = Instant.parse("2026-12-03T00:00:00Z");

    private static DriftResult result(DriftResult.Multivariate multivariate) {
        return new DriftResult(ResultKind.DRIFT, 1, "e1", "m", "b1", 1, 1, T, T, 1500, List.of(), null, null, 0.0, false, 0,
                List.of(), new DriftResult.DriftRule("ks", "chi2", 0.05, 0.1, 0.5, "benjamini-hochberg"), "0 of 0 features drifted.",
                multivariate);
    }

    @Test
    void multivariateRoundTrips() throws Exception {
        DriftResult.Multivariate m = new DriftResult.Multivariate(DriftResult.PCA_RECONSTRUCTION, 1.185, 0.756, 0.878, true,
                List.of("x2", "x1"));
        String json = Json.toString(result(m));
        JsonNode tree = Json.MAPPER.valueToTree(result(m));
        assertEquals("pca_reconstruction", tree.path("multivariate").path("method").asText());
        assertEquals(List.of("x2", "x1"), List.of(tree.path("multivariate").path("contributors").get(0).asText(),
                tree.path("multivariate").path("contributors").get(1).asText()));
        assertTrue(tree.path("multivariate").path("drifted").asBoolean());
        assertEquals(m, Json.MAPPER.readValue(json, DriftResult.class).multivariate(), json);
    }

    @Test
    void absentWithoutAFitAndOlderResultsStillRead() throws Exception {
        JsonNode tree = Json.MAPPER.valueToTree(result(null));
        assertFalse(tree.has("multivariate"), "null is left off the wire");
        String older = Json.toString(result(null));
        DriftResult read = Json.MAPPER.readValue(older, DriftResult.class);
        assertNull(read.multivariate());
        assertEquals("b1", read.batchId());
    }

    @Test
    void theDomainClassifierIsASecondPartOfTheSameShape() throws Exception {
        DriftResult.Multivariate pca = new DriftResult.Multivariate(DriftResult.PCA_RECONSTRUCTION, 1.185, 0.756, 0.878,
                true, List.of("x2", "x1"));
        DriftResult.Multivariate domain = new DriftResult.Multivariate(DriftResult.DOMAIN_CLASSIFIER, 0.82, 0.496, 0.55,
                true, List.of("x2", "x1"));
        DriftResult both = new DriftResult(ResultKind.DRIFT, 1, "e1", "m", "b1", 1, 1, T, T, 1500, List.of(), null, null,
                0.0, false, 0, List.of(), null, "x", pca, null, null, domain, null, null);
        String json = Json.toString(both);
        DriftResult read = Json.MAPPER.readValue(json, DriftResult.class);
        assertEquals(pca, read.multivariate());
        assertEquals(domain, read.domainClassifier(), json);
        assertEquals("domain_classifier", Json.MAPPER.valueToTree(both).path("domainClassifier").path("method").asText());
        assertFalse(Json.MAPPER.valueToTree(result(pca)).has("domainClassifier"), "absent unless the spec asks for it");
        assertNull(Json.MAPPER.readValue(Json.toString(result(pca)), DriftResult.class).domainClassifier());
    }

    @Test
    void theDomainClassifierSettingIsOffByDefaultAndReadsFromTheSpec() throws Exception {
        io.modeltrust.model.spec.DriftSettings off = Json.MAPPER.readValue("{\"alpha\":0.01}",
                io.modeltrust.model.spec.DriftSettings.class);
        assertNull(off.domainClassifier());
        assertFalse(off.domainClassifierOn());
        assertEquals(Boolean.FALSE, off.withDefaults().domainClassifier());
        io.modeltrust.model.spec.DriftSettings on = Json.MAPPER.readValue("{\"domainClassifier\":true}",
                io.modeltrust.model.spec.DriftSettings.class);
        assertTrue(on.withDefaults().domainClassifierOn());
        assertEquals(0.05, on.withDefaults().alpha());
        assertFalse(Json.toString(off).contains("domainClassifier"), "an unset field stays off the wire");
    }

    @Test
    void referenceModeAndPreviousRoundTripAndAreAbsentInOlderResults() throws Exception {
        DriftResult.FeatureDrift income = new DriftResult.FeatureDrift("income", "numeric", "ks", 0.2, 1e-9, 1e-9, 0.31,
                0.2, 0.4, true, "Income moved up.", null, 0.18);
        DriftResult.Previous previous = new DriftResult.Previous(3, 12000, T.minusSeconds(3 * 86400), T.minusSeconds(86400),
                List.of(income), null, null, 1.0, true, 1, "1 of 1 features drifted (100%): income; dataset drift.");
        DriftResult base = result(null);
        DriftResult both = new DriftResult(base.kind(), 1, "e1", "m", "b1", 1, 1, T, T, 1500, List.of(), null, null, 0.0,
                false, 0, List.of(), base.rule(), base.explanation(), null, null, null, null, DriftResult.REFERENCE_BOTH,
                previous);
        JsonNode tree = Json.MAPPER.valueToTree(both);
        assertEquals("both", tree.path("referenceMode").asText());
        assertEquals(3, tree.path("previous").path("batches").asInt());
        assertEquals("income", tree.path("previous").path("features").get(0).path("feature").asText());
        assertEquals(previous, Json.MAPPER.readValue(Json.toString(both), DriftResult.class).previous());

        JsonNode pool = Json.MAPPER.valueToTree(DriftResult.Previous.pool(2, 800, T, T));
        assertFalse(pool.has("features") || pool.has("driftShare") || pool.has("datasetDrift"), pool.toString());

        JsonNode older = Json.MAPPER.valueToTree(base);
        assertFalse(older.has("referenceMode") || older.has("previous"), "null is left off the wire");
        assertNull(Json.MAPPER.readValue(Json.toString(base), DriftResult.class).referenceMode());
    }
}
