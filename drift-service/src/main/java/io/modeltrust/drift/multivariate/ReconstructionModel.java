package io.modeltrust.drift.multivariate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Multivariate drift by PCA reconstruction, fitted on a reference (docs/metrics.md "Multivariate
 * drift by PCA reconstruction", NannyML's DataReconstructionDriftCalculator): the encodings, the
 * principal components that explain at least {@link #VARIANCE_KEPT} of the standardised
 * reference's variance, the band from the reference's {@link #CHUNKS} chunks and the reference's
 * squared error per column, which the contributors are measured against. The PCA is the eigen
 * decomposition of the d × d covariance, accumulated in one pass, so a million rows cost one scan.
 *
 * @param components   k × d, the principal axes by decreasing variance
 * @param explained    each kept component's share of the variance
 * @param referenceMse per feature, the reference's mean squared error of its standardised column
 * @param chunkRows    the reference chunks' size, which the band's width belongs to
 */
public record ReconstructionModel(List<FeatureEncoding> features, double[][] components, double[] explained,
                                  double referenceValue, double lower, double upper, double[] referenceMse,
                                  int chunkRows) {

    public static final double VARIANCE_KEPT = 0.65;
    public static final int CHUNKS = 10;
    public static final int MIN_FEATURES = 2;
    public static final int CONTRIBUTORS = 3;
    /**
     * The smallest change of the mean error, relative to the reference's, that counts as drift: a band drawn from
     * ten chunks is tight, and production that differs from the reference by a percent or two in its joint
     * structure (seen on the credit scenario's stable batches, +1.8%) is no finding anyone should act on.
     */
    public static final double MIN_RELATIVE_CHANGE = 0.05;
    /**
     * A change of the mean error below this (in standard deviations) is rounding, not drift: when the kept
     * components span every feature (two independent features need both for 65% of the variance) each row is
     * reconstructed exactly, the error is ~1e-16 on every batch, and a band drawn from such noise flagged it.
     */
    public static final double NUMERICAL_ZERO = 1e-9;
    public static final String METHOD = "pca_reconstruction";

    /**
     * Fits the model on the reference's feature columns; null when there are fewer than
     * {@link #MIN_FEATURES} features or fewer rows than chunks (no band can be drawn), or when the
     * covariance is not finite (an infinite value in the reference): there is then nothing to compare.
     */
    public static ReconstructionModel fit(List<MultivariateColumn> reference) {
        int d = reference.size();
        int rows = d == 0 ? 0 : reference.get(0).rows();
        if (d < MIN_FEATURES || rows < CHUNKS) {
            return null;
        }
        checkRows(reference, rows);
        List<FeatureEncoding> encodings = reference.parallelStream().map(FeatureEncoding::fit).toList();
        List<FeatureEncoding.StandardisedColumn> views = views(encodings, reference);
        double[][] sums = BlockKernel.crossProducts(views, rows);
        double[][] covariance = new double[d][d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                covariance[j][k] = sums[j][k] / (rows - 1);
                if (!Double.isFinite(covariance[j][k])) {
                    return null;
                }
            }
        }
        Components kept = Components.of(covariance);
        int[] chunkEnds = chunkEnds(rows);
        BlockKernel.Errors errors = BlockKernel.errors(views, rows, kept.axes(), chunkEnds);
        double[] chunkMeans = new double[CHUNKS];
        double sum = 0;
        for (int c = 0; c < CHUNKS; c++) {
            int size = chunkEnds[c] - (c == 0 ? 0 : chunkEnds[c - 1]);
            chunkMeans[c] = errors.chunkSums()[c] / size;
            sum += errors.chunkSums()[c];
        }
        double mean = Arrays.stream(chunkMeans).sum() / CHUNKS;
        double ss = 0;
        for (double m : chunkMeans) {
            ss += (m - mean) * (m - mean);
        }
        double std = Math.sqrt(ss / CHUNKS);
        double[] mse = errors.squared().clone();
        for (int j = 0; j < d; j++) {
            mse[j] /= rows;
        }
        return new ReconstructionModel(encodings, kept.axes(), kept.shares(), sum / rows, mean - 3 * std, mean + 3 * std,
                mse, rows / CHUNKS);
    }

    /** The principal axes that explain at least {@link #VARIANCE_KEPT} of the variance, and their shares. */
    record Components(double[][] axes, double[] shares) {

        static Components of(double[][] covariance) {
            int d = covariance.length;
            EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
            double[] values = eigen.getRealEigenvalues();
            Integer[] order = new Integer[d];
            for (int i = 0; i < d; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
            double total = 0;
            for (double v : values) {
                total += Math.max(v, 0);
            }
            List<double[]> axes = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            double cumulative = 0;
            for (int i = 0; i < d && (axes.isEmpty() || cumulative < VARIANCE_KEPT); i++) {
                double share = total > 0 ? Math.max(values[order[i]], 0) / total : 0;
                axes.add(eigen.getEigenvector(order[i]).toArray());
                shares.add(share);
                cumulative += share;
            }
            return new Components(axes.toArray(new double[0][]), shares.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /**
     * Scores a production batch whose columns are this model's features, in the same order.
     * Null for an empty batch.
     */
    public MultivariateDrift compare(List<MultivariateColumn> production) {
        if (production.size() != features.size()) {
            throw new IllegalArgumentException("expected " + features.size() + " columns, got " + production.size());
        }
        int rows = production.get(0).rows();
        if (rows == 0) {
            return null;
        }
        checkRows(production, rows);
        BlockKernel.Errors errors = BlockKernel.errors(views(features, production), rows, components, new int[]{rows});
        double value = errors.chunkSums()[0] / rows;
        double[] increase = new double[features.size()];
        for (int j = 0; j < increase.length; j++) {
            increase[j] = errors.squared()[j] / rows - referenceMse[j];
        }
        double[] band = band(rows);
        double centre = (lower + upper) / 2;
        boolean drifted = (value < band[0] || value > band[1])
                && Math.abs(value - centre) >= Math.max(MIN_RELATIVE_CHANGE * centre, NUMERICAL_ZERO);
        return new MultivariateDrift(value, band[0], band[1], drifted, contributors(increase), increase);
    }

    /**
     * The band for a batch of {@code rows}: the reference chunks' band, widened by √(chunk rows / rows) for a batch
     * smaller than a chunk. The mean error of a batch varies as 1/√rows, so a 5,000-row batch against the chunks of a
     * million-row reference would otherwise breach a band drawn for 100,000 rows on noise alone. A batch as large as
     * a chunk or larger keeps the reference's band (never narrowed: quiet on noise first).
     */
    double[] band(int rows) {
        double widen = rows >= chunkRows || chunkRows <= 0 ? 1 : Math.sqrt((double) chunkRows / rows);
        double centre = (lower + upper) / 2;
        double half = (upper - lower) / 2 * widen;
        return new double[]{centre - half, centre + half};
    }

    private List<String> contributors(double[] increase) {
        Integer[] order = new Integer[increase.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> increase[i]).reversed());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < order.length && out.size() < CONTRIBUTORS; i++) {
            if (increase[order[i]] > 0) {
                out.add(features.get(order[i]).name());
            }
        }
        return List.copyOf(out);
    }

    public List<String> featureNames() {
        return features.stream().map(FeatureEncoding::name).toList();
    }

    /** Exclusive end rows of the reference chunks, numpy.array_split's sizes: the first rows % CHUNKS get one more. */
    static int[] chunkEnds(int rows) {
        int[] ends = new int[CHUNKS];
        int base = rows / CHUNKS;
        int extra = rows % CHUNKS;
        int end = 0;
        for (int c = 0; c < CHUNKS; c++) {
            end += base + (c < extra ? 1 : 0);
            ends[c] = end;
        }
        return ends;
    }

    private static List<FeatureEncoding.StandardisedColumn> views(List<FeatureEncoding> encodings,
                                                                  List<MultivariateColumn> columns) {
        List<FeatureEncoding.StandardisedColumn> out = new ArrayList<>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            FeatureEncoding enc = encodings.get(j);
            MultivariateColumn c = columns.get(j);
            if (enc.numeric() != c instanceof MultivariateColumn.Numeric) {
                throw new IllegalArgumentException(c.name() + " is " + (enc.numeric() ? "numeric" : "categorical")
                        + " in the reference");
            }
            out.add(enc.standardise(c));
        }
        return out;
    }

    private static void checkRows(List<MultivariateColumn> columns, int rows) {
        for (MultivariateColumn c : columns) {
            if (c.rows() != rows) {
                throw new IllegalArgumentException(c.name() + " has " + c.rows() + " rows, expected " + rows);
            }
        }
    }
}
