package io.modeltrust.performance.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RegressionBootstrapTest {

    /** Percentiles.linear against numpy.percentile to the bit (generate_percentile_fixtures.py). */
    @TestFactory
    Stream<DynamicTest> percentilesMatchNumpy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-percentiles.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                double[] sorted = Fixtures.doubles(c.get("values"));
                Arrays.sort(sorted);
                for (int k = 0; k < c.get("percents").size(); k++) {
                    double percent = c.get("percents").get(k).asDouble();
                    assertEquals(c.get("expected").get(k).asDouble(), Percentiles.linear(sorted, percent), 0.0,
                            "percentile " + percent);
                }
            }));
        }
        return tests.stream();
    }

    /**
     * Against numpy's bootstrap with 20000 resamples on the regression fixtures (generate_fixtures.py,
     * bootstrap_reference). The generators differ, so each bound must lie within a tenth of numpy's width, about
     * 4.5 Monte Carlo standard errors of 1000 resamples; below 30 rows both have none.
     */
    @TestFactory
    Stream<DynamicTest> agreesWithNumpyBootstrap() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-regression.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                RegressionBootstrap.Intervals ci = RegressionBootstrap.intervals(
                        errors(Fixtures.doubles(c.get("actual")), Fixtures.doubles(c.get("predicted"))));
                JsonNode ref = c.get("expected").get("bootstrapReference");
                if (ref.isNull()) {
                    assertNull(ci.mae());
                    assertNull(ci.rmse());
                    return;
                }
                near(ref.get("mae"), ci.mae(), "mae");
                near(ref.get("rmse"), ci.rmse(), "rmse");
            }));
        }
        return tests.stream();
    }

    /** N(0, 2) errors: MAE 2·√(2/π), RMSE 2. 200 batches, the 95% interval must hold each about 95% of the time. */
    @Test
    void coversTheTrueMaeAndRmse() {
        double[] coverage = coverage(RegressionBootstrap.RESAMPLES, RegressionBootstrap.MAX_RESAMPLE_ROWS, 300, 1);
        assertTrue(coverage[0] >= 0.90 && coverage[0] <= 0.99, "MAE coverage " + coverage[0]);
        assertTrue(coverage[1] >= 0.90 && coverage[1] <= 0.99, "RMSE coverage " + coverage[1]);
    }

    /** The same with the subsample path: 200 of 2000 rows, rescaled; without √(m/n) it would cover ~100%. */
    @Test
    void subsampleRescalingCovers() {
        double[] coverage = coverage(RegressionBootstrap.RESAMPLES, 200, 2000, 2);
        assertTrue(coverage[0] >= 0.90 && coverage[0] <= 0.99, "MAE coverage " + coverage[0]);
        assertTrue(coverage[1] >= 0.90 && coverage[1] <= 0.99, "RMSE coverage " + coverage[1]);
    }

    @Test
    void subsampleMatchesTheFullBootstrap() {
        double[] e = gaussianErrors(new SplittableRandom(3), 20_000, 1.5);
        RegressionBootstrap.Intervals full = new RegressionBootstrap(1000, 20_000).compute(e);
        RegressionBootstrap.Intervals sub = new RegressionBootstrap(1000, 2_000).compute(e);
        assertEquals("bootstrap-percentile", full.mae().method());
        assertEquals("bootstrap-percentile (1000 resamples of a 2000-row subsample, rescaled to n)", sub.mae().method());
        for (Interval[] pair : new Interval[][] {{full.mae(), sub.mae()}, {full.rmse(), sub.rmse()}}) {
            double width = pair[0].upper() - pair[0].lower();
            // Monte Carlo error of either width is ~3%, the subsample's spread estimate adds ~2%.
            assertEquals(width, pair[1].upper() - pair[1].lower(), 0.15 * width, "width");
            assertEquals(pair[0].lower() + pair[0].upper(), pair[1].lower() + pair[1].upper(), 0.2 * width, "centre");
        }
    }

    @Test
    void sameRowsGiveTheSameIntervalOnAnyThreads() throws Exception {
        double[] e = gaussianErrors(new SplittableRandom(4), 5_000, 1.0);
        RegressionBootstrap.Intervals first = RegressionBootstrap.intervals(e);
        assertEquals(first, RegressionBootstrap.intervals(e.clone()));
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            assertEquals(first, single.submit(() -> RegressionBootstrap.intervals(e)).get());
        } finally {
            single.shutdown();
        }
        double[] other = e.clone();
        other[0] += 1;
        assertNotEquals(first.rmse(), RegressionBootstrap.intervals(other).rmse(), "the data matter, not only n");
        double[] big = gaussianErrors(new SplittableRandom(5), 150_000, 1.0);
        assertEquals(RegressionBootstrap.intervals(big), RegressionBootstrap.intervals(big.clone()), "subsample path");
    }

    @Test
    void tripledErrorsLieFarAboveTheBaseline() {
        SplittableRandom r = new SplittableRandom(6);
        RegressionMetrics baseline = metricsOf(gaussianErrors(r, 2_000, 1.0));
        double[] worse = gaussianErrors(r, 1_000, 3.0);
        RegressionBootstrap.Intervals ci = RegressionBootstrap.intervals(worse);
        RegressionMetrics now = metricsOf(worse);
        assertTrue(ci.mae().lower() > 2 * baseline.mae(), ci.mae() + " vs baseline " + baseline.mae());
        assertTrue(ci.rmse().lower() > 2 * baseline.rmse(), ci.rmse() + " vs baseline " + baseline.rmse());
        assertTrue(ci.mae().lower() < now.mae() && now.mae() < ci.mae().upper(), "holds its own MAE");
        assertTrue(ci.rmse().lower() < now.rmse() && now.rmse() < ci.rmse().upper(), "holds its own RMSE");
    }

    @Test
    void edgeCases() {
        assertNull(RegressionBootstrap.intervals(new double[RegressionBootstrap.MIN_ROWS - 1]).mae());
        RegressionBootstrap.Intervals perfect = RegressionBootstrap.intervals(new double[RegressionBootstrap.MIN_ROWS]);
        assertEquals(new Interval(0, 0, "bootstrap-percentile"), perfect.mae());
        assertEquals(new Interval(0, 0, "bootstrap-percentile"), perfect.rmse());
        double[] withNaN = new double[100];
        withNaN[7] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> RegressionBootstrap.intervals(withNaN));
    }

    @Test
    void subsampleChoosesExactlyKDistinctRowsInOrder() {
        double[] values = new double[10_000];
        Arrays.setAll(values, i -> i);
        double[] chosen = RegressionBootstrap.subsample(values, 1_000, new SplittableRandom(8));
        assertEquals(1_000, chosen.length);
        for (int i = 1; i < chosen.length; i++) {
            assertTrue(chosen[i] > chosen[i - 1], "distinct and in row order");
        }
        // Uniform: about half of the chosen rows come from the first half (sd ~16).
        long firstHalf = Arrays.stream(chosen).filter(v -> v < 5_000).count();
        assertTrue(firstHalf > 430 && firstHalf < 570, "first half " + firstHalf);
    }

    /**
     * Share of batches whose MAE and RMSE intervals hold the true values. Every batch has the same n and so the
     * same resample indices; the batches' errors are independent, so each is still a fair trial.
     */
    private static double[] coverage(int resamples, int cap, int n, long seed) {
        double sigma = 2.0;
        double trueMae = sigma * Math.sqrt(2 / Math.PI);
        SplittableRandom r = new SplittableRandom(seed);
        RegressionBootstrap bootstrap = new RegressionBootstrap(resamples, cap);
        int batches = 200;
        int maeHits = 0;
        int rmseHits = 0;
        for (int b = 0; b < batches; b++) {
            RegressionBootstrap.Intervals ci = bootstrap.compute(gaussianErrors(r, n, sigma));
            maeHits += ci.mae().lower() <= trueMae && trueMae <= ci.mae().upper() ? 1 : 0;
            rmseHits += ci.rmse().lower() <= sigma && sigma <= ci.rmse().upper() ? 1 : 0;
        }
        return new double[] {(double) maeHits / batches, (double) rmseHits / batches};
    }

    private static void near(JsonNode reference, Interval actual, String what) {
        double low = reference.get(0).asDouble();
        double high = reference.get(1).asDouble();
        double tolerance = 0.1 * (high - low);
        assertEquals("bootstrap-percentile", actual.method(), what);
        assertEquals(low, actual.lower(), tolerance, what + " low");
        assertEquals(high, actual.upper(), tolerance, what + " high");
    }

    private static double[] errors(double[] actual, double[] predicted) {
        double[] out = new double[actual.length];
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i]) && !Double.isNaN(predicted[i])) {
                out[n++] = predicted[i] - actual[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static RegressionMetrics metricsOf(double[] errors) {
        return RegressionMetrics.compute(new double[errors.length], errors);
    }

    private static double[] gaussianErrors(SplittableRandom r, int n, double sigma) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = sigma * Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return e;
    }
}
