package io.modeltrust.drift.multivariate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark of the domain classifier at its caps: a 5,000-row reference sample against a 5,000-row batch
 * sample, 20 features (230 terms); the first two features correlated 0.8 in the reference and shuffled
 * apart in the batch. Prints the wall-clock seconds of each of five runs (the first includes the JIT's
 * warm-up), the median and the AUC.
 *
 * <pre>
 * java -cp drift-service/target/test-classes:drift-service/target/classes:$(cat drift-service/target/bench.cp) \
 *     io.modeltrust.drift.multivariate.DomainClassifierBench
 * </pre>
 */
public final class DomainClassifierBench {

    static final int ROWS = DomainSample.MAX_ROWS;
    static final int FEATURES = 20;
    static final int RUNS = 5;

    private DomainClassifierBench() {
    }

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            names.add("x" + j);
        }
        DomainSample reference = sample(1, false);
        DomainSample batch = sample(2, true);
        double[] seconds = new double[RUNS];
        DomainClassifier.Result r = null;
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            r = DomainClassifier.compare(reference, batch, names);
            seconds[run] = (System.nanoTime() - started) / 1e9;
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "domain classifier %d x %d rows x %d features: runs %s s, median %.2f s; "
                + "AUC %.4f, upper %.4f, drifted %s, contributors %s%n", ROWS, ROWS, FEATURES, Arrays.toString(seconds),
                sorted[RUNS / 2], r.value(), r.upper(), r.drifted(), r.contributors());
    }

    private static DomainSample sample(long seed, boolean broken) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] c = new float[FEATURES][ROWS];
        for (int i = 0; i < ROWS; i++) {
            double common = gaussian(random);
            for (int j = 0; j < FEATURES; j++) {
                c[j][i] = (float) (j < 2 ? 0.8 * common + 0.6 * gaussian(random) : gaussian(random));
            }
        }
        if (broken) {
            int[] p = DomainClassifier.permutation(ROWS, seed);
            float[] shuffled = new float[ROWS];
            for (int i = 0; i < ROWS; i++) {
                shuffled[i] = c[1][p[i]];
            }
            c[1] = shuffled;
        }
        return new DomainSample(c, ROWS);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
