package io.modeltrust.drift.stats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
 * Benchmark: 1,000,000 reference rows vs 1,000,000 production rows, 15 numeric + 5 categorical
 * features, production shifted on numeric features 0-2 and categorical features 0-1.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl drift-service test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/drift-cp.txt
 * java -cp drift-service/target/classes:drift-service/target/test-classes:$(cat /tmp/drift-cp.txt) \
 *     io.modeltrust.drift.stats.DriftBench [dataDir]
 * /usr/bin/python3 drift-service/src/test/python/bench_baseline.py [dataDir]
 * </pre>
 * It writes the generated columns to dataDir (default /tmp/drift-bench) as raw little-endian
 * float64 / int32 files plus dictionaries, for {@code src/test/python/bench_baseline.py}, then
 * prints median wall-clock milliseconds of (a) building the 20 reference profiles and (b) the
 * per-batch comparison of all 20 features plus the drift decision, both parallel over features.
 */
public final class DriftBench {

    static final int ROWS = 1_000_000;
    static final int NUMERIC = 15;
    static final int CATEGORICAL = 5;
    static final int[] CATEGORY_COUNTS = {5, 10, 20, 50, 3};

    private DriftBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/drift-bench");
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        double[][] refNum = new double[NUMERIC][];
        double[][] prodNum = new double[NUMERIC][];
        for (int f = 0; f < NUMERIC; f++) {
            refNum[f] = numeric(f, false);
            prodNum[f] = numeric(f, true);
            writeDoubles(dir.resolve("ref_num_" + f + ".f64"), refNum[f]);
            writeDoubles(dir.resolve("prod_num_" + f + ".f64"), prodNum[f]);
        }
        String[][] refDict = new String[CATEGORICAL][];
        String[][] prodDict = new String[CATEGORICAL][];
        int[][] refCodes = new int[CATEGORICAL][];
        int[][] prodCodes = new int[CATEGORICAL][];
        for (int c = 0; c < CATEGORICAL; c++) {
            int k = CATEGORY_COUNTS[c];
            refDict[c] = new String[k];
            prodDict[c] = new String[k + 1];
            for (int i = 0; i < k; i++) {
                refDict[c][i] = "cat" + c + "_" + i;
                prodDict[c][k - 1 - i] = "cat" + c + "_" + i; // reversed order: matched by string
            }
            prodDict[c][k] = "cat" + c + "_new";
            refCodes[c] = categorical(c, k, false);
            prodCodes[c] = categorical(c, k, true);
            writeInts(dir.resolve("ref_cat_" + c + ".i32"), refCodes[c]);
            writeInts(dir.resolve("prod_cat_" + c + ".i32"), prodCodes[c]);
            Files.write(dir.resolve("ref_dict_" + c + ".txt"), List.of(refDict[c]), StandardCharsets.UTF_8);
            Files.write(dir.resolve("prod_dict_" + c + ".txt"), List.of(prodDict[c]), StandardCharsets.UTF_8);
        }
        System.out.printf(Locale.ROOT, "data generated and written to %s in %.1f s%n", dir, (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "cores available: %d, common pool parallelism: %d%n",
                Runtime.getRuntime().availableProcessors(),
                java.util.concurrent.ForkJoinPool.commonPool().getParallelism());

        Supplier<List<Object>> buildProfiles = () -> {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < NUMERIC + CATEGORICAL; i++) {
                ids.add(i);
            }
            return ids.parallelStream().<Object>map(i -> i < NUMERIC
                    ? NumericReferenceProfile.of(refNum[i])
                    : CategoricalReferenceProfile.of(refDict[i - NUMERIC], refCodes[i - NUMERIC])).toList();
        };
        double profileMs = medianMillis(buildProfiles, 2, 5);
        List<Object> profiles = buildProfiles.get();

        List<ColumnInput> columns = new ArrayList<>();
        for (int f = 0; f < NUMERIC; f++) {
            columns.add(new ColumnInput.Numeric("num" + f, (NumericReferenceProfile) profiles.get(f), prodNum[f]));
        }
        for (int c = 0; c < CATEGORICAL; c++) {
            columns.add(new ColumnInput.Categorical("cat" + c, (CategoricalReferenceProfile) profiles.get(NUMERIC + c),
                    prodDict[c], prodCodes[c]));
        }
        DriftAnalyzer analyzer = new DriftAnalyzer(DriftConfig.defaults());
        Supplier<DriftReport> batch = () -> analyzer.analyze(FeatureComparator.compareAll(columns));
        double batchMs = medianMillis(batch, 3, 7);

        DriftReport report = batch.get();
        for (DriftReport.ColumnDrift d : report.features()) {
            FeatureComparison fc = d.comparison();
            System.out.printf(Locale.ROOT, "%-6s stat=%.6g p=%.6g psi=%.6g js=%.6g w=%s drifted=%s%n", fc.feature(),
                    fc.statistic(), fc.pValue(), fc.psi(), fc.jensenShannon(),
                    fc.wasserstein() == null ? "-" : String.format(Locale.ROOT, "%.6g", fc.wasserstein()), d.drifted());
        }
        System.out.printf(Locale.ROOT, "driftShare=%.3f datasetDrift=%s%n", report.driftShare(), report.datasetDrift());
        System.out.printf(Locale.ROOT, "numeric profile of 1,000,000 values: %,d bytes%n",
                ((NumericReferenceProfile) profiles.get(0)).toBytes().length);
        System.out.printf(Locale.ROOT, "profile build (20 features, parallel): median %.0f ms%n", profileMs);
        System.out.printf(Locale.ROOT, "batch comparison + decision (20 features, parallel): median %.0f ms%n", batchMs);
    }

    /** Feature f: a mix of normal, lognormal and heavily tied integer columns; 1% missing in 0-4. */
    static double[] numeric(int f, boolean production) {
        SplittableRandom rnd = new SplittableRandom(1000L * f + (production ? 7 : 3));
        double shift = 0;
        double scale = 1;
        if (production && f < 3) {
            shift = new double[] {0.05, 0.5, 0.0}[f];
            scale = new double[] {1.0, 1.0, 1.5}[f];
        }
        double[] x = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double g = shift + scale * rnd.nextGaussian();
            x[i] = switch (f % 3) {
                case 0 -> 50 + 10 * g;
                case 1 -> Math.exp(1 + 0.5 * g);
                default -> Math.floor(20 + 4 * g);
            };
            if (f < 5 && rnd.nextDouble() < 0.01) {
                x[i] = Double.NaN;
            }
        }
        return x;
    }

    /** Zipf-like category shares; production of 0 reweighted, of 1 gets 2% of a new category. */
    static int[] categorical(int c, int k, boolean production) {
        SplittableRandom rnd = new SplittableRandom(5000L + 10L * c + (production ? 1 : 0));
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = 1.0 / (i + 1);
            if (production && c == 0) {
                w[i] = 1.0 / (k - i);
            }
        }
        double total = Arrays.stream(w).sum();
        double[] cum = new double[k];
        double run = 0;
        for (int i = 0; i < k; i++) {
            run += w[i] / total;
            cum[i] = run;
        }
        int[] codes = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            if (rnd.nextDouble() < 0.005) {
                codes[r] = -1;
                continue;
            }
            if (production && c == 1 && rnd.nextDouble() < 0.02) {
                codes[r] = k; // the production-only category
                continue;
            }
            double u = rnd.nextDouble();
            int cat = 0;
            while (cat < k - 1 && cum[cat] <= u) {
                cat++;
            }
            // production dictionaries list the reference categories in reverse order
            codes[r] = production ? k - 1 - cat : cat;
        }
        return codes;
    }

    static double medianMillis(Supplier<?> task, int warmups, int runs) {
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

    private static void writeDoubles(Path path, double[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(values);
        write(path, buf);
    }

    private static void writeInts(Path path, int[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(values);
        write(path, buf);
    }

    private static void write(Path path, ByteBuffer buf) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }
}
