package io.modeltrust.performance.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark: all batch-side performance metrics on 1,000,000 labelled, scored rows, with the slice
 * analysis over 20 features (16 numeric, 4 categorical) against a 1,000,000-row reference.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:<deps> io.modeltrust.performance.metrics.PerformanceBench [dir]}.
 * Writes the data and the Java results to dir (default /tmp/perf-bench) as raw little-endian files for
 * src/test/python/bench_baseline.py, which times scikit-learn/numpy on the same data and cross-checks.
 */
public final class PerformanceBench {

    static final int ROWS = 1_000_000;
    static final int NUMERIC = 16;
    static final int[] CATEGORY_COUNTS = {5, 12, 30, 3};
    static final int WARMUP = 5;
    static final int RUNS = 15;

    record Side(boolean[] actual, boolean[] predicted, double[] score, double[][] numeric, int[][] codes) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/perf-bench");
        Files.createDirectories(dir);
        Side reference = generate(new SplittableRandom(7), 0.0, false);
        Side batch = generate(new SplittableRandom(11), 0.3, true);
        write(dir, "ref", reference);
        write(dir, "batch", batch);

        double[][] edges = new double[NUMERIC][];
        ClassificationMetrics baseline = null;
        ReferenceSlices refSlices = null;
        double[] referenceMs = new double[5];
        for (int r = 0; r < referenceMs.length; r++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < NUMERIC; k++) {
                edges[k] = DecileEdges.of(reference.numeric()[k]);
            }
            baseline = ClassificationMetrics.compute(reference.actual(), reference.predicted(), reference.score());
            refSlices = SliceAnalysis.profile(features(reference, edges), SliceMetric.ACCURACY,
                    SliceAnalysis.correctness(reference.actual(), reference.predicted()));
            referenceMs[r] = (System.nanoTime() - t0) / 1e6;
        }

        double[] classification = new double[RUNS];
        double[] cbpe = new double[RUNS];
        double[] slices = new double[RUNS];
        double[] total = new double[RUNS];
        ClassificationMetrics metrics = null;
        EstimatedPerformance estimated = null;
        SliceReport report = null;
        List<MetricChange> changes = null;
        for (int r = -WARMUP; r < RUNS; r++) {
            long a = System.nanoTime();
            metrics = ClassificationMetrics.compute(batch.actual(), batch.predicted(), batch.score());
            changes = MetricChange.compare(metrics.asMap(), baseline.asMap());
            long b = System.nanoTime();
            estimated = EstimatedPerformance.estimate(batch.predicted(), batch.score());
            long c = System.nanoTime();
            report = SliceAnalysis.worstSlices(features(batch, edges),
                    SliceAnalysis.correctness(batch.actual(), batch.predicted()), refSlices);
            long d = System.nanoTime();
            if (r >= 0) {
                classification[r] = (b - a) / 1e6;
                cbpe[r] = (c - b) / 1e6;
                slices[r] = (d - c) / 1e6;
                total[r] = (d - a) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "rows=%d features=%d (numeric %d, categorical %d), median of %d runs after %d warm-up%n",
                ROWS, NUMERIC + CATEGORY_COUNTS.length, NUMERIC, CATEGORY_COUNTS.length, RUNS, WARMUP);
        System.out.printf(Locale.ROOT, "classification metrics + Wilson + DeLong + change: %8.1f ms%n", median(classification));
        System.out.printf(Locale.ROOT, "CBPE estimate:                                     %8.1f ms%n", median(cbpe));
        System.out.printf(Locale.ROOT, "slice analysis, 20 features (batch side):          %8.1f ms%n", median(slices));
        System.out.printf(Locale.ROOT, "TOTAL batch side:                                  %8.1f ms%n", median(total));
        System.out.printf(Locale.ROOT, "reference side, once per reference (16 x decile edges, baseline metrics, slice profile):"
                + " first run %.1f ms, median of %d %.1f ms%n", referenceMs[0], referenceMs.length, median(referenceMs));
        System.out.println(metrics);
        System.out.println(estimated);
        System.out.println(report.summary());
        report.worst().forEach(System.out::println);
        System.out.println(changes.size() + " metric changes, e.g. " + changes.get(4));
        writeResults(dir, metrics, estimated, report);
    }

    /** degrade: the batch's model has lost most of its signal for category c3 of cat1. */
    static Side generate(SplittableRandom rnd, double shift, boolean degrade) {
        boolean[] actual = new boolean[ROWS];
        boolean[] predicted = new boolean[ROWS];
        double[] score = new double[ROWS];
        double[][] numeric = new double[NUMERIC][ROWS];
        int[][] codes = new int[CATEGORY_COUNTS.length][ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int k = 0; k < NUMERIC; k++) {
                double v;
                switch (k % 4) {
                    case 0 -> v = gaussian(rnd) + shift;
                    case 1 -> v = Math.exp(10.5 + 0.5 * gaussian(rnd) + shift);
                    case 2 -> v = 18 + rnd.nextInt(62);
                    default -> v = Math.round(rnd.nextDouble() * 1000) / 1000.0;
                }
                numeric[k][i] = k % 5 == 4 && rnd.nextDouble() < 0.02 ? Double.NaN : v;
            }
            for (int k = 0; k < CATEGORY_COUNTS.length; k++) {
                codes[k][i] = rnd.nextDouble() < 0.01 ? -1 : rnd.nextInt(CATEGORY_COUNTS[k]);
            }
            actual[i] = rnd.nextDouble() < 0.3;
            // Signal weakens where feature 0 is high and for category 0 of the first categorical.
            double strength = numeric[0][i] > 1 || codes[0][i] == 0 ? 0.4 : 1.2;
            if (degrade && codes[1][i] == 3) {
                strength = 0.1;
            }
            double logit = strength * (actual[i] ? 1 : -1) - 0.8 + 1.5 * gaussian(rnd);
            score[i] = 1 / (1 + Math.exp(-logit));
            predicted[i] = score[i] >= 0.5;
        }
        return new Side(actual, predicted, score, numeric, codes);
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17.
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    static List<SliceFeature> features(Side side, double[][] edges) {
        List<SliceFeature> out = new ArrayList<>();
        for (int k = 0; k < NUMERIC; k++) {
            out.add(new SliceFeature.Numeric("num" + k, side.numeric()[k], edges[k]));
        }
        for (int k = 0; k < CATEGORY_COUNTS.length; k++) {
            String[] dictionary = new String[CATEGORY_COUNTS[k]];
            for (int c = 0; c < dictionary.length; c++) {
                dictionary[c] = "c" + c;
            }
            out.add(new SliceFeature.Categorical("cat" + k, side.codes()[k], dictionary));
        }
        return out;
    }

    private static double median(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void write(Path dir, String prefix, Side side) throws IOException {
        writeBytes(dir.resolve(prefix + "_actual.u8"), side.actual());
        writeBytes(dir.resolve(prefix + "_predicted.u8"), side.predicted());
        writeDoubles(dir.resolve(prefix + "_score.f64"), side.score());
        for (int k = 0; k < NUMERIC; k++) {
            writeDoubles(dir.resolve(prefix + "_num" + k + ".f64"), side.numeric()[k]);
        }
        for (int k = 0; k < CATEGORY_COUNTS.length; k++) {
            ByteBuffer buf = ByteBuffer.allocate(ROWS * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asIntBuffer().put(side.codes()[k]);
            writeBuffer(dir.resolve(prefix + "_cat" + k + ".i32"), buf);
        }
    }

    private static void writeBytes(Path path, boolean[] values) throws IOException {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (values[i] ? 1 : 0);
        }
        Files.write(path, b);
    }

    static void writeDoubles(Path path, double[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(values);
        writeBuffer(path, buf);
    }

    private static void writeBuffer(Path path, ByteBuffer buf) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    /** Java figures as "name value" lines (%.17g), for the Python cross-check. */
    private static void writeResults(Path dir, ClassificationMetrics m, EstimatedPerformance e, SliceReport r)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        m.asMap().forEach((k, v) -> line(sb, k, v));
        line(sb, "accuracyLower", m.accuracyInterval().lower());
        line(sb, "accuracyUpper", m.accuracyInterval().upper());
        line(sb, "rocAucLower", m.rocAucInterval().lower());
        line(sb, "rocAucUpper", m.rocAucInterval().upper());
        e.asMap().forEach((k, v) -> line(sb, "cbpe_" + k, v));
        for (int i = 0; i < r.worst().size(); i++) {
            SliceFinding f = r.worst().get(i);
            sb.append("slice").append(i).append(' ').append(f.slice()).append('\n');
            line(sb, "slice" + i + "_batchValue", f.batchValue());
        }
        Files.writeString(dir.resolve("java_results.txt"), sb.toString());
    }

    private static void line(StringBuilder sb, String name, double v) {
        sb.append(name).append(' ').append(String.format(Locale.ROOT, "%.17g", v)).append('\n');
    }
}
