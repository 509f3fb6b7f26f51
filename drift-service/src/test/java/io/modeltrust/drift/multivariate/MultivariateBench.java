package io.modeltrust.drift.multivariate;

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
import java.util.function.Supplier;

/**
 * Benchmark of multivariate drift: 1,000,000 reference rows vs 1,000,000 production rows, 20 numeric
 * features in five correlated groups of four, 1% missing in every fifth feature; in production the
 * second feature of the first group is shuffled (its correlation broken, its marginal kept).
 *
 * <p>Run from the repository root (bench/engines-bench.sh does this):
 * <pre>
 * java -cp drift-service/target/test-classes:drift-service/target/classes:$(cat drift-service/target/bench.cp) \
 *     io.modeltrust.drift.multivariate.MultivariateBench [dataDir]
 * /usr/bin/python3 drift-service/src/test/python/bench_multivariate.py [dataDir]
 * </pre>
 * It writes the columns to dataDir (default /tmp/multivariate-bench) as little-endian float64 for the
 * scikit-learn counterpart, then prints median wall-clock milliseconds of the reference fit (encoding,
 * covariance, eigen decomposition, reference chunk errors) and of scoring the production batch.
 */
public final class MultivariateBench {

    static final int ROWS = 1_000_000;
    static final int FEATURES = 20;

    private MultivariateBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/multivariate-bench");
        Files.createDirectories(dir);
        double[][] reference = data(1, false);
        double[][] production = data(2, true);
        for (int f = 0; f < FEATURES; f++) {
            write(dir.resolve("ref_" + f + ".f64"), reference[f]);
            write(dir.resolve("prod_" + f + ".f64"), production[f]);
        }
        List<MultivariateColumn> ref = columns(reference);
        List<MultivariateColumn> prod = columns(production);
        double fitMs = medianMillis(() -> ReconstructionModel.fit(ref), 2, 5);
        ReconstructionModel model = ReconstructionModel.fit(ref);
        double scoreMs = medianMillis(() -> model.compare(prod), 2, 5);
        MultivariateDrift d = model.compare(prod);
        System.out.printf(Locale.ROOT, "components kept: %d of %d, band [%.6f, %.6f], value %.6f, drifted %s, "
                + "contributors %s%n", model.components().length, FEATURES, d.lower(), d.upper(), d.value(), d.drifted(),
                d.contributors());
        System.out.printf(Locale.ROOT, "reference fit (1M rows x 20): median %.0f ms%n", fitMs);
        System.out.printf(Locale.ROOT, "production score (1M rows x 20): median %.0f ms%n", scoreMs);
        System.out.printf(Locale.ROOT, "multivariate total fit + score: %.0f ms%n", fitMs + scoreMs);
        // Wall time on a shared machine says more about the neighbours than about the code; CPU time less so.
        long cpu = processCpuNanos();
        ReconstructionModel.fit(ref).compare(prod);
        System.out.printf(Locale.ROOT, "process CPU time of one fit + score (all threads): %.0f ms on %d cores%n",
                (processCpuNanos() - cpu) / 1e6, Runtime.getRuntime().availableProcessors());
    }

    /** Group g's features are a shared factor plus noise, so each group is one strong component. */
    static double[][] data(long seed, boolean production) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[FEATURES][ROWS];
        for (int r = 0; r < ROWS; r++) {
            for (int g = 0; g < FEATURES / 4; g++) {
                double factor = gaussian(random);
                for (int i = 0; i < 4; i++) {
                    out[g * 4 + i][r] = 10 * g + (1 + i) * (factor + 0.5 * gaussian(random));
                }
            }
        }
        for (int f = 0; f < FEATURES; f += 5) {
            for (int r = 0; r < ROWS; r++) {
                if (random.nextDouble() < 0.01) {
                    out[f][r] = Double.NaN;
                }
            }
        }
        if (production) {
            double[] shuffled = out[1];
            for (int r = ROWS - 1; r > 0; r--) {
                int j = random.nextInt(r + 1);
                double t = shuffled[r];
                shuffled[r] = shuffled[j];
                shuffled[j] = t;
            }
        }
        return out;
    }

    private static List<MultivariateColumn> columns(double[][] data) {
        List<MultivariateColumn> out = new ArrayList<>();
        for (int f = 0; f < data.length; f++) {
            out.add(new MultivariateColumn.Numeric("f" + f, data[f]));
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double medianMillis(Supplier<?> task, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            task.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static void write(Path path, double[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(values);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }
}
