package io.modeltrust.performance.metrics;

import java.util.SplittableRandom;

/**
 * Rough timing of {@link MulticlassMetrics#compute} and {@link MulticlassEstimate#estimate} on
 * 1,000,000 rows × 5 classes; a main, not a test, so the build never depends on machine speed.
 * src/test/python/bench_multiclass.py times scikit-learn on data of the same shape.
 *
 * <p>Run after test-compile:
 * {@code java -cp performance-service/target/classes:performance-service/target/test-classes
 * io.modeltrust.performance.metrics.MulticlassBench}
 */
public final class MulticlassBench {

    private MulticlassBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int k = 5;
        SplittableRandom rng = new SplittableRandom(20261202);
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double[][] scores = new double[k][n];
        for (int i = 0; i < n; i++) {
            truth[i] = rng.nextInt(k);
            double sum = 0;
            int best = 0;
            for (int c = 0; c < k; c++) {
                // Same recipe as the python bench: normal logits, +1.2 on the true class, softmax.
                double logit = gaussian(rng) + (c == truth[i] ? 1.2 : 0);
                scores[c][i] = Math.exp(logit);
                sum += scores[c][i];
                if (scores[c][i] > scores[best][i]) {
                    best = c;
                }
            }
            for (int c = 0; c < k; c++) {
                scores[c][i] /= sum;
            }
            predicted[i] = best;
        }
        // Warm-up runs let the JIT compile the loops; the figure reported is the best of the timed runs.
        long best = Long.MAX_VALUE;
        long bestEstimate = Long.MAX_VALUE;
        long bestCalibration = Long.MAX_VALUE;
        MulticlassMetrics m = null;
        MulticlassEstimate e = null;
        for (int run = 0; run < 5; run++) {
            long t0 = System.nanoTime();
            m = MulticlassMetrics.compute(k, truth, predicted, scores);
            long t1 = System.nanoTime();
            // The same rows serve as reference: one isotonic fit per class, then the calibrated estimate.
            double[][] calibrated = MulticlassCalibration.fit(truth, scores).calibrate(scores);
            long t2 = System.nanoTime();
            e = MulticlassEstimate.estimate(predicted, calibrated);
            long t3 = System.nanoTime();
            if (run >= 2) {
                best = Math.min(best, t1 - t0);
                bestCalibration = Math.min(bestCalibration, t2 - t1);
                bestEstimate = Math.min(bestEstimate, t3 - t2);
            }
        }
        System.out.printf("MulticlassMetrics.compute %d rows x %d classes: %.1f ms (best of 3 after 2 warm-up)%n",
                n, k, best / 1e6);
        System.out.printf("MulticlassCalibration.fit + calibrate (one isotonic fit per class): %.1f ms%n",
                bestCalibration / 1e6);
        System.out.printf("MulticlassEstimate.estimate: %.1f ms%n", bestEstimate / 1e6);
        System.out.printf("TOTAL metrics + calibration + estimate: %.1f ms%n", (best + bestCalibration + bestEstimate) / 1e6);
        System.out.println("estimated accuracy " + e.accuracy());
        System.out.println("accuracy " + m.accuracy() + " macroF1 " + m.macroF1() + " rocAucOvr " + m.rocAucOvr()
                + " logLoss " + m.logLoss());
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
