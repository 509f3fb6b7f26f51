package io.modeltrust.drift.stats;

import io.modeltrust.drift.stats.FeatureComparison.BinContribution;
import io.modeltrust.drift.stats.FeatureComparison.DataQuality;
import io.modeltrust.drift.stats.FeatureComparison.Explanation;
import io.modeltrust.drift.stats.FeatureComparison.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares one production column with its reference profile. Stateless and thread-safe; profiles
 * are read-only, so one profile can serve concurrent batches.
 */
public final class FeatureComparator {

    private FeatureComparator() {
    }

    /** {@link #compareNumeric(String, NumericReferenceProfile, double[], String)} with KS. */
    public static FeatureComparison compareNumeric(String feature, NumericReferenceProfile reference,
                                                   double[] production) {
        return compareNumeric(feature, reference, production, TwoSampleTests.KS);
    }

    /**
     * Numeric column: the chosen test, PSI, JS and Hellinger over the reference decile bins,
     * normalised Wasserstein.
     *
     * @param production one value per row, NaN = missing, any order (a sorted copy is made)
     * @param test       one of {@link TwoSampleTests#NUMERIC}
     */
    public static FeatureComparison compareNumeric(String feature, NumericReferenceProfile reference,
                                                   double[] production, String test) {
        double[] sorted = SortedArrays.sortedWithoutNaN(production);
        int n = sorted.length;
        Double prodMissing = share(production.length - n, production.length);
        Double refMissing = nanToNull(reference.missingShare());
        if (reference.count() == 0 || n == 0) {
            DataQuality dq = new DataQuality(refMissing, prodMissing, null, null);
            return undefined(feature, FeatureComparison.NUMERIC, test, reference.count(), n,
                    dq, reference.count() == 0, n == 0, reference.count() == 0 ? null : summary(reference),
                    n == 0 ? null : summary(sorted));
        }
        double[] refSorted = reference.sortedValues();
        TwoSampleTests.Outcome outcome = TwoSampleTests.numeric(test, refSorted, sorted);

        double[] edges = reference.decileEdges();
        long[] refCounts = reference.binCounts();
        long[] prodCounts = SortedArrays.binCounts(sorted, edges);
        double[] refShares = Distances.shares(refCounts);
        double[] prodShares = Distances.shares(prodCounts);
        double psi = Distances.psi(refShares, prodShares);
        double js = Distances.jensenShannon(refShares, prodShares);
        double hellinger = Distances.hellinger(refCounts, prodCounts);
        double wasserstein = Distances.wasserstein(refSorted, sorted);
        if (reference.std() != 0) {
            wasserstein /= reference.std();
        }

        int outside = SortedArrays.countBelow(sorted, reference.min())
                + (n - SortedArrays.countAtMost(sorted, reference.max()));
        DataQuality dq = new DataQuality(refMissing, prodMissing, (double) outside / n, null);

        Summary refSummary = summary(reference);
        Summary prodSummary = summary(sorted);
        List<BinContribution> top = Explanations.topBins(refShares, prodShares, Explanations.numericLabels(edges));
        String sentence = withNote(Explanations.numericSentence(feature, refSummary.p50(), prodSummary.p50(),
                top.isEmpty() ? null : top.get(0), edges), outcome.note());
        return new FeatureComparison(feature, FeatureComparison.NUMERIC, test,
                outcome.statistic(), outcome.pValue(), psi, js, wasserstein, hellinger, reference.count(), n,
                new Explanation(top, refSummary, prodSummary, sentence), dq);
    }

    /** {@link #compareCategorical(String, CategoricalReferenceProfile, String[], int[], String)} with chi2. */
    public static FeatureComparison compareCategorical(String feature, CategoricalReferenceProfile reference,
                                                       String[] dictionary, int[] codes) {
        return compareCategorical(feature, reference, dictionary, codes, TwoSampleTests.CHI2);
    }

    /**
     * Categorical column: the chosen homogeneity test, PSI, JS and Hellinger over the union of
     * categories seen on either side. The production dictionary is matched to the reference by
     * string.
     *
     * @param dictionary production category strings
     * @param codes      one code per row into {@code dictionary}, -1 = missing
     * @param test       one of {@link TwoSampleTests#CATEGORICAL}
     */
    public static FeatureComparison compareCategorical(String feature, CategoricalReferenceProfile reference,
                                                       String[] dictionary, int[] codes, String test) {
        List<String> labels = new ArrayList<>(reference.categories());
        int refK = labels.size();
        Matched matched = match(reference, dictionary, codes);
        long[] prodOnRef = matched.onReference();
        Map<String, Long> unseen = matched.unseen();
        long n = matched.count();
        Double prodMissing = share(codes.length - n, codes.length);
        Double refMissing = nanToNull(reference.missingShare());
        long refN = reference.count();
        if (refN == 0 || n == 0) {
            DataQuality dq = new DataQuality(refMissing, prodMissing, null, null);
            return undefined(feature, FeatureComparison.CATEGORICAL, test, refN, n, dq,
                    refN == 0, n == 0, null, null);
        }
        int k = refK + unseen.size();
        long[] refRow = new long[k];
        long[] prodRow = new long[k];
        System.arraycopy(reference.counts(), 0, refRow, 0, refK);
        System.arraycopy(prodOnRef, 0, prodRow, 0, refK);
        long unseenTotal = 0;
        int col = refK;
        // Most frequent first, as unseenCategories lists them: the top bins then name the same few unseen
        // categories as that list does, not others (each is a raw production value).
        List<String> unseenNames = byCountDescending(unseen);
        for (String name : unseenNames) {
            labels.add(name);
            prodRow[col++] = unseen.get(name);
            unseenTotal += unseen.get(name);
        }
        TwoSampleTests.Outcome outcome = TwoSampleTests.categorical(test, refRow, prodRow);
        double[] refShares = Distances.shares(refRow);
        double[] prodShares = Distances.shares(prodRow);
        double psi = Distances.psi(refShares, prodShares);
        double js = Distances.jensenShannon(refShares, prodShares);
        double hellinger = Distances.hellinger(refRow, prodRow);
        double unseenShare = (double) unseenTotal / n;

        List<BinContribution> top = Explanations.topBins(refShares, prodShares, labels);
        BinContribution first = top.isEmpty() ? null : top.get(0);
        String sentence = Explanations.categoricalSentence(feature, first, first != null && first.bin() >= refK,
                unseenShare, unseenNames);
        DataQuality dq = new DataQuality(refMissing, prodMissing, null, unseenShare, unseenNames);
        return new FeatureComparison(feature, FeatureComparison.CATEGORICAL, test,
                outcome.statistic(), outcome.pValue(), psi, js, null, hellinger, refN, n,
                new Explanation(top, null, null, withNote(sentence, outcome.note())), dq);
    }

    /**
     * Production counts per reference category, counts of categories the reference never saw, and
     * the non-missing production count.
     */
    private record Matched(long[] onReference, Map<String, Long> unseen, long count) {
    }

    private static Matched match(CategoricalReferenceProfile reference, String[] dictionary, int[] codes) {
        long[] perCode = CategoricalReferenceProfile.countCodes(dictionary.length, codes);
        long[] onReference = new long[reference.categories().size()];
        Map<String, Long> unseen = new LinkedHashMap<>();
        long n = 0;
        for (int c = 0; c < dictionary.length; c++) {
            if (perCode[c] == 0) {
                continue;
            }
            if (dictionary[c] == null) {
                throw new IllegalArgumentException("dictionary entry " + c + " is null but used");
            }
            n += perCode[c];
            int idx = reference.indexOf(dictionary[c]);
            if (idx >= 0) {
                onReference[idx] += perCode[c];
            } else {
                unseen.merge(dictionary[c], perCode[c], Long::sum);
            }
        }
        return new Matched(onReference, unseen, n);
    }

    private static List<String> byCountDescending(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    private static String withNote(String sentence, String note) {
        return note == null ? sentence : sentence + " " + note;
    }

    /** {@link #compareAll(List, DriftConfig)} with the default tests. */
    public static List<FeatureComparison> compareAll(List<? extends ColumnInput> columns) {
        return compareAll(columns, DriftConfig.defaults());
    }

    /**
     * Compares every column with the config's test for its type; independent columns run on the
     * common fork-join pool.
     */
    public static List<FeatureComparison> compareAll(List<? extends ColumnInput> columns, DriftConfig config) {
        return columns.parallelStream().map(c -> compare(c, config)).toList();
    }

    public static FeatureComparison compare(ColumnInput column) {
        return compare(column, DriftConfig.defaults());
    }

    public static FeatureComparison compare(ColumnInput column, DriftConfig config) {
        if (column instanceof ColumnInput.Numeric c) {
            return compareNumeric(c.feature(), c.reference(), c.production(), config.numericTest());
        }
        ColumnInput.Categorical c = (ColumnInput.Categorical) column;
        return compareCategorical(c.feature(), c.reference(), c.dictionary(), c.codes(), config.categoricalTest());
    }

    private static FeatureComparison undefined(String feature, String type, String test, long refN, long n,
                                               DataQuality dq, boolean refEmpty, boolean prodEmpty,
                                               Summary refSummary, Summary prodSummary) {
        Explanation explanation = new Explanation(List.of(), refSummary, prodSummary,
                Explanations.emptySentence(feature, refEmpty, prodEmpty));
        return new FeatureComparison(feature, type, test, null, null, null, null, null, null, refN, n,
                explanation, dq);
    }

    private static Summary summary(NumericReferenceProfile p) {
        return new Summary(p.mean(), p.p10(), p.p50(), p.p90());
    }

    private static Summary summary(double[] sorted) {
        return new Summary(SortedArrays.mean(sorted), SortedArrays.quantile(sorted, 0.1),
                SortedArrays.quantile(sorted, 0.5), SortedArrays.quantile(sorted, 0.9));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
