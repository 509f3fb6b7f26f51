package io.modeltrust.alert.report;

import io.modeltrust.stats.BenjaminiHochberg;
import io.modeltrust.stats.ProportionTests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The pooled fairness statistics against statsmodels and SciPy (src/test/python/generate_report_fixtures.py). */
class ProportionsTest {

    private static JsonNode fixture() throws IOException {
        try (InputStream in = ProportionsTest.class.getResourceAsStream("/fixtures/report-proportions.json")) {
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void wilsonIntervalsMatchStatsmodels() throws IOException {
        JsonNode cases = fixture().path("wilson");
        assertEquals(7, cases.size());
        for (JsonNode c : cases) {
            double[] ci = ProportionTests.wilson(c.path("count").asLong(), c.path("nobs").asLong());
            assertEquals(c.path("low").asDouble(), ci[0], 1e-12, c.toString());
            assertEquals(c.path("high").asDouble(), ci[1], 1e-12, c.toString());
        }
    }

    @Test
    void zTestAndFisherMatchStatsmodelsAndScipy() throws IOException {
        for (JsonNode c : fixture().path("tests")) {
            long a = c.path("table").path(0).path(0).asLong();
            long b = c.path("table").path(0).path(1).asLong();
            long cc = c.path("table").path(1).path(0).asLong();
            long d = c.path("table").path(1).path(1).asLong();
            double z = c.path("zPValue").asDouble();
            assertEquals(z, ProportionTests.twoProportionZPValue(a, a + b, cc, cc + d), Math.max(1e-12, z * 1e-9), c.toString());
            double f = c.path("fisherPValue").asDouble();
            assertEquals(f, ProportionTests.fisherExactTwoSided(a, b, cc, d), Math.max(1e-12, f * 1e-7), c.toString());
        }
    }

    @Test
    void benjaminiHochbergMatchesMultipletests() throws IOException {
        JsonNode bh = fixture().path("bh");
        double[] p = new double[bh.path("p").size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = bh.path("p").path(i).asDouble();
        }
        double[] adjusted = BenjaminiHochberg.adjustSkippingNaN(p);
        for (int i = 0; i < p.length; i++) {
            assertEquals(bh.path("adjusted").path(i).asDouble(), adjusted[i], 1e-15);
        }
        double[] withGap = BenjaminiHochberg.adjustSkippingNaN(new double[] {0.01, Double.NaN, 0.04});
        assertEquals(0.02, withGap[0], 1e-15);
        assertEquals(Double.NaN, withGap[1]);
        assertEquals(0.04, withGap[2], 1e-15);
    }
}
