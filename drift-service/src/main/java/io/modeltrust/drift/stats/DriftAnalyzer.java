package io.modeltrust.drift.stats;

import io.modeltrust.drift.stats.DriftReport.ColumnDrift;
import io.modeltrust.stats.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a batch's per-column comparisons into drift flags: features by BH-adjusted p-value and the
 * PSI gate, prediction and label (outside the BH set) by raw p-value and the same gate.
 */
public final class DriftAnalyzer {

    private final DriftConfig config;

    public DriftAnalyzer(DriftConfig config) {
        this.config = config;
    }

    public DriftConfig config() {
        return config;
    }

    /**
     * @param features   comparisons of the batch's features (the BH family)
     * @param prediction prediction-column comparison, or null
     * @param label      label-column comparison, or null
     */
    public DriftReport analyze(List<FeatureComparison> features, FeatureComparison prediction,
                               FeatureComparison label) {
        features.forEach(this::checkTest);
        List<Integer> testable = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).testable()) {
                testable.add(i);
            }
        }
        double[] raw = new double[testable.size()];
        for (int t = 0; t < raw.length; t++) {
            raw[t] = features.get(testable.get(t)).pValue();
        }
        double[] adjusted = BenjaminiHochberg.adjust(raw);
        Double[] byFeature = new Double[features.size()];
        for (int t = 0; t < raw.length; t++) {
            byFeature[testable.get(t)] = adjusted[t];
        }
        List<ColumnDrift> out = new ArrayList<>(features.size());
        int drifted = 0;
        for (int i = 0; i < features.size(); i++) {
            ColumnDrift d = decide(features.get(i), byFeature[i]);
            drifted += d.drifted() ? 1 : 0;
            out.add(d);
        }
        double share = features.isEmpty() ? 0.0 : (double) drifted / features.size();
        boolean dataset = !features.isEmpty() && share >= config.datasetDriftShare();
        return new DriftReport(List.copyOf(out), drifted, share, dataset, single(prediction), single(label));
    }

    /** Features only, no prediction or label column. */
    public DriftReport analyze(List<FeatureComparison> features) {
        return analyze(features, null, null);
    }

    private ColumnDrift single(FeatureComparison c) {
        if (c == null) {
            return null;
        }
        checkTest(c);
        return decide(c, c.testable() ? c.pValue() : null);
    }

    private ColumnDrift decide(FeatureComparison c, Double p) {
        boolean drifted = p != null && p < config.alpha() && c.psi() != null && c.psi() >= config.psiThreshold();
        return new ColumnDrift(c, p, drifted);
    }

    private void checkTest(FeatureComparison c) {
        String expected = config.testFor(c.type());
        if (!expected.equals(c.test())) {
            throw new IllegalArgumentException(c.feature() + ": comparison used " + c.test()
                    + " but the config asks for " + expected);
        }
    }
}
