package io.modeltrust.fairness.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmark: 1,000,000 rows, a categorical attribute (sex, with missing values), a numeric one
 * (age, bucketed by [25, 35, 50], with NaN), their intersection, labels with 20% unknown.
 * Times bucketing + crossing + all figures + explanations; prints the median of 15 runs after 5
 * warm-up runs. Writes the data as raw little-endian files to /tmp/fairness_bench (or args[0]) for
 * src/test/python/bench_baseline.py: sex.i32 (int32 codes, -1 missing), age.f64, pred.u8, label.i8.
 *
 * <p>Run: mvn -pl fairness-service test-compile, then
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.modeltrust.fairness.metrics.FairnessBench
 */
public final class FairnessBench {

    static final int ROWS = 1_000_000;
    static final String[] SEX = {"female", "male", "non-binary"};
    static final double[] AGE_EDGES = {25, 35, 50};

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "/tmp/fairness_bench");
        SplittableRandom rnd = new SplittableRandom(20240611L);
        int[] sex = new int[ROWS];
        double[] age = new double[ROWS];
        boolean[] pred = new boolean[ROWS];
        byte[] label = new byte[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double u = rnd.nextDouble();
            sex[i] = u < 0.02 ? -1 : u < 0.47 ? 0 : u < 0.99 ? 1 : 2;
            age[i] = rnd.nextDouble() < 0.01 ? Double.NaN : Math.floor(18 + 62 * rnd.nextDouble());
            double rate = 0.30 + (sex[i] == 1 ? 0.12 : 0) + (Double.isNaN(age[i]) ? 0 : (age[i] - 18) / 400);
            pred[i] = rnd.nextDouble() < rate;
            boolean positive = rnd.nextDouble() < 0.8 == pred[i];
            label[i] = rnd.nextDouble() < 0.2 ? -1 : (byte) (positive ? 1 : 0);
        }
        write(dir, sex, age, pred, label);

        FairnessOptions options = new FairnessOptions(30, Map.of("sex", "male"), List.of(List.of("sex", "age")));
        ExplanationOptions wording = ExplanationOptions.defaults().withNoun("Approval rate");
        long[] times = new long[20];
        FairnessReport report = null;
        for (int r = 0; r < times.length; r++) {
            long t0 = System.nanoTime();
            CategoricalAttribute sexAttr = new CategoricalAttribute("sex", SEX, sex);
            CategoricalAttribute ageAttr = NumericBuckets.bucketize("age", age, AGE_EDGES);
            report = FairnessEngine.compute(List.of(sexAttr, ageAttr), pred, label, options);
            for (AttributeFairness a : report.attributes()) {
                FairnessExplainer.explain(a, wording);
                FairnessExplainer.explainEqualOpportunity(a);
            }
            times[r] = System.nanoTime() - t0;
        }
        long[] measured = Arrays.copyOfRange(times, 5, times.length);
        Arrays.sort(measured);
        System.out.printf("FairnessBench: %,d rows, 2 attributes + intersection, labels: median %.1f ms (min %.1f, max %.1f) over %d runs%n",
                ROWS, measured[measured.length / 2] / 1e6, measured[0] / 1e6, measured[measured.length - 1] / 1e6, measured.length);
        for (AttributeFairness a : report.attributes()) {
            System.out.printf("  %-8s groups=%d ref=%s dpd=%.6f dpr=%.6f eop=%.6f eodds=%.6f%n", a.attribute(), a.groups().size(),
                    a.referenceGroup(), a.demographicParityDifference(), a.demographicParityRatio(),
                    a.equalOpportunityDifference(), a.equalizedOddsDifference());
        }
        System.out.println("  " + FairnessExplainer.explainWorst(report, wording).text());
        System.out.println("data written to " + dir);
    }

    private static void write(Path dir, int[] sex, double[] age, boolean[] pred, byte[] label) throws IOException {
        Files.createDirectories(dir);
        ByteBuffer s = ByteBuffer.allocate(ROWS * 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer a = ByteBuffer.allocate(ROWS * 8).order(ByteOrder.LITTLE_ENDIAN);
        byte[] p = new byte[ROWS];
        for (int i = 0; i < ROWS; i++) {
            s.putInt(sex[i]);
            a.putDouble(age[i]);
            p[i] = (byte) (pred[i] ? 1 : 0);
        }
        Files.write(dir.resolve("sex.i32"), s.array());
        Files.write(dir.resolve("age.f64"), a.array());
        Files.write(dir.resolve("pred.u8"), p);
        Files.write(dir.resolve("label.i8"), label);
    }
}
