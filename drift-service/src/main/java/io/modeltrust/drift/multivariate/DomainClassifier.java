package io.modeltrust.drift.multivariate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multivariate drift by a domain classifier (docs/metrics.md "Multivariate drift by a domain
 * classifier"): a logistic regression learns to tell the batch's sampled rows from the reference's,
 * and its {@link #FOLDS}-fold cross-validated ROC AUC is the drift score: 0.5 when the two cannot be
 * told apart, towards 1 the further they moved. The terms are each standardised feature, its square
 * and, for up to {@link #MAX_PAIRWISE_FEATURES} features, the product of every pair, so a change of
 * means, spreads or correlations is within a linear learner's reach. The band is the same procedure
 * on {@link #NULL_SPLITS} random splits of the reference sample against itself.
 */
public final class DomainClassifier {

    public static final int FOLDS = 5;
    public static final int NULL_SPLITS = 3;
    /** Fewer rows on either side leave a fold with under ten rows of a class. */
    public static final int MIN_ROWS = 50;
    /** Beyond this many features only linear and squared terms: the pairs would grow as d². */
    public static final int MAX_PAIRWISE_FEATURES = 20;
    /** Standardised values are clipped to ±this before the squares, so one wild value cannot swamp the SGD. */
    public static final double CLIP = 10;
    /** The band's upper edge is never below this: an AUC under 0.55 is a shift too small to act on. */
    public static final double MIN_UPPER = 0.55;
    /** The upper edge sits this many null standard deviations of the batch's AUC above the largest split AUC. */
    public static final double MARGIN_SDS = 3;
    public static final int CONTRIBUTORS = 3;
    /**
     * A contributor's importance is at least this share of the largest: every term gets some weight from
     * the noise of a finite sample, and a feature the classifier barely used is no lead to follow.
     */
    public static final double CONTRIBUTOR_SHARE = 0.25;
    static final long SEED = 20_261_203L;

    /**
     * @param value      the batch's cross-validated AUC (mean over the folds)
     * @param splits     the reference-against-reference AUCs the band was drawn from
     * @param importance per feature, the absolute standardised weights of its terms (a pair's split in half)
     */
    public record Result(double value, double lower, double upper, boolean drifted, List<String> contributors,
                         double[] importance, double[] splits) {
    }

    private final DomainLearner learner;

    DomainClassifier(DomainLearner learner) {
        this.learner = learner;
    }

    /**
     * The batch's sample against the reference's; null when either has fewer than {@link #MIN_ROWS} rows.
     *
     * @param names the features, in the samples' column order
     */
    public static Result compare(DomainSample reference, DomainSample batch, List<String> names) {
        if (reference.features() != names.size() || batch.features() != names.size()) {
            throw new IllegalArgumentException("samples of " + reference.features() + " and " + batch.features()
                    + " features for " + names.size() + " names");
        }
        if (reference.rows() < MIN_ROWS || batch.rows() < MIN_ROWS) {
            return null;
        }
        Terms terms = Terms.of(names.size());
        return new DomainClassifier(new TribuoLearner(terms.count())).run(reference, batch, names, terms);
    }

    Result run(DomainSample reference, DomainSample batch, List<String> names, Terms terms) {
        int n = reference.rows();
        int m = batch.rows();
        double[][] x = terms.expand(reference, batch);
        int[] all = new int[n + m];
        boolean[] isBatch = new boolean[n + m];
        for (int i = 0; i < n + m; i++) {
            all[i] = i;
            isBatch[i] = i >= n;
        }
        DomainLearner.Fold[] real = learner.crossValidate(x, all, isBatch, folds(isBatch, SEED), FOLDS, SEED);
        double value = meanAuc(real);
        double[] splits = new double[NULL_SPLITS];
        int pseudoBatch = Math.min(m, n / 2);
        for (int s = 0; s < NULL_SPLITS; s++) {
            long seed = SEED + 1 + s;
            int[] rows = permutation(n, seed);
            boolean[] labels = new boolean[n];
            for (int i = 0; i < pseudoBatch; i++) {
                labels[i] = true;
            }
            splits[s] = meanAuc(learner.crossValidate(x, rows, labels, folds(labels, seed), FOLDS, seed));
        }
        double lower = Arrays.stream(splits).min().orElseThrow();
        double upper = Math.max(MIN_UPPER, Arrays.stream(splits).max().orElseThrow() + MARGIN_SDS * Auc.nullStd(n, m));
        double[] importance = terms.importance(real);
        return new Result(value, lower, upper, value > upper, contributors(names, importance), importance, splits);
    }

    /** Stratified folds: each class's rows in a seeded random order, dealt round the folds. */
    static int[] folds(boolean[] labels, long seed) {
        int[] fold = new int[labels.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (boolean cls : new boolean[]{false, true}) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == cls) {
                    members.add(i);
                }
            }
            int[] order = permutation(members.size(), random.nextLong());
            for (int k = 0; k < order.length; k++) {
                fold[members.get(order[k])] = k % FOLDS;
            }
        }
        return fold;
    }

    static int[] permutation(int size, long seed) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }

    static double meanAuc(DomainLearner.Fold[] folds) {
        double sum = 0;
        for (DomainLearner.Fold f : folds) {
            sum += Auc.of(f.scores(), f.labels());
        }
        return sum / folds.length;
    }

    private static List<String> contributors(List<String> names, double[] importance) {
        Integer[] order = new Integer[importance.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> importance[i]).reversed());
        List<String> out = new ArrayList<>();
        double largest = order.length == 0 ? 0 : importance[order[0]];
        for (int i = 0; i < order.length && out.size() < CONTRIBUTORS; i++) {
            if (importance[order[i]] > 0 && importance[order[i]] >= CONTRIBUTOR_SHARE * largest) {
                out.add(names.get(order[i]));
            }
        }
        return List.copyOf(out);
    }
}
