package io.modeltrust.drift.stats;

import io.modeltrust.model.spec.DriftSettings;
import java.util.Locale;
import java.util.Set;

/**
 * The tests a model can choose for its drift decision (docs/model-spec.md, {@code drift.numericTest}
 * and {@code drift.categoricalTest}), run by name on one column's reference and production data.
 */
public final class TwoSampleTests {

    public static final String KS = "ks";
    public static final String CRAMER_VON_MISES = "cramer_von_mises";
    public static final String ANDERSON_DARLING = "anderson_darling";
    public static final String CHI2 = "chi2";
    public static final String G_TEST = "g_test";

    /** Valid {@code drift.numericTest} values, as ingest validates them; {@link #KS} is the default. */
    public static final Set<String> NUMERIC = Set.copyOf(DriftSettings.NUMERIC_TESTS);
    /** Valid {@code drift.categoricalTest} values; {@link #CHI2} is the default. */
    public static final Set<String> CATEGORICAL = Set.copyOf(DriftSettings.CATEGORICAL_TESTS);

    /**
     * @param statistic the test's statistic, null when the test is undefined on these samples
     * @param pValue    its p-value, null when undefined
     * @param note      a sentence for the feature's explanation (a capped p-value, no result), or null
     */
    public record Outcome(Double statistic, Double pValue, String note) {
    }

    private TwoSampleTests() {
    }

    /** Both inputs ascending, NaN-free and non-empty. */
    public static Outcome numeric(String test, double[] referenceSorted, double[] productionSorted) {
        switch (test) {
            case KS -> {
                KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(referenceSorted, productionSorted);
                return new Outcome(r.statistic(), r.pValue(), null);
            }
            case CRAMER_VON_MISES -> {
                if (referenceSorted.length < 2 || productionSorted.length < 2) {
                    return new Outcome(null, null, "The Cramér–von Mises test needs at least two values on each"
                            + " side, so there is no test result.");
                }
                CramerVonMises.Result r = CramerVonMises.test(referenceSorted, productionSorted);
                return new Outcome(r.statistic(), r.pValue(), null);
            }
            case ANDERSON_DARLING -> {
                return andersonDarling(referenceSorted, productionSorted);
            }
            default -> throw new IllegalArgumentException("unsupported numeric test: " + test);
        }
    }

    /** Counts per category of the 2 x k table, same category order, both rows with a positive total. */
    public static Outcome categorical(String test, long[] reference, long[] production) {
        ChiSquareTest.Result r = switch (test) {
            case CHI2 -> ChiSquareTest.homogeneity(reference, production);
            case G_TEST -> ChiSquareTest.gTest(reference, production);
            default -> throw new IllegalArgumentException("unsupported categorical test: " + test);
        };
        return new Outcome(r.statistic(), r.pValue(), null);
    }

    private static Outcome andersonDarling(double[] reference, double[] production) {
        if (!AndersonDarling.defined(reference, production)) {
            return new Outcome(null, null, "The Anderson–Darling test needs at least three values and two"
                    + " distinct ones over both sides, so there is no test result.");
        }
        AndersonDarling.Result r = AndersonDarling.test(reference, production);
        if (Double.isNaN(r.statistic())) {
            return new Outcome(null, null, "The Anderson–Darling variance is undefined for three values in all,"
                    + " so there is no test result.");
        }
        String note = switch (r.bound()) {
            case CAPPED -> String.format(Locale.ROOT, "The Anderson–Darling p-value is capped at %s as SciPy"
                    + " reports it: the true value is larger.", AndersonDarling.P_CAP);
            case FLOORED -> String.format(Locale.ROOT, "The Anderson–Darling p-value is floored at %s as SciPy"
                    + " reports it: the true value is smaller.", AndersonDarling.P_FLOOR);
            case NONE -> null;
        };
        return new Outcome(r.statistic(), r.pValue(), note);
    }
}
