package io.modeltrust.drift.multivariate;

/**
 * The learner inside the domain classifier: fits on the training rows of one fold and scores that
 * fold's held-out rows. The procedure around it (folds, band, contributors) is {@link DomainClassifier};
 * {@link TribuoLearner} is the one in use.
 */
interface DomainLearner {

    /**
     * @param x      one row per sampled row, one standardised value per term
     * @param rows   the rows of this run, indices into {@code x}
     * @param batch  per run row, whether it is labelled "batch" (the positive class)
     * @param fold   per run row, its fold in [0, folds)
     * @param seed   the run's seed; fold f's learner is seeded from it and f, so the result is the same
     *               whatever order the folds are computed in
     * @return per fold, the held-out rows' scores (in run-row order within the fold) and the term weights
     */
    Fold[] crossValidate(double[][] x, int[] rows, boolean[] batch, int[] fold, int folds, long seed);

    /**
     * @param scores  the probability of "batch" for each held-out run row of the fold, in run-row order
     * @param weights per term, the fitted logit weight of "batch" against "reference"
     */
    record Fold(double[] scores, boolean[] labels, double[] weights) {
    }
}
