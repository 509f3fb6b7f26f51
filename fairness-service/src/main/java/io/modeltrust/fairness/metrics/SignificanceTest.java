package io.modeltrust.fairness.metrics;

/** Test behind a group's selection-rate p-value against the reference group. */
public enum SignificanceTest {
    /** Pooled two-proportion z-test, two-sided (statsmodels {@code proportions_ztest}). */
    TWO_PROPORTION_Z("z-test"),
    /** Fisher's exact test, two-sided (scipy {@code fisher_exact}); used when an expected cell count is under 5. */
    FISHER_EXACT("fisher-exact");

    private final String wireName;

    SignificanceTest(String wireName) {
        this.wireName = wireName;
    }

    /** Stable lower-case name for JSON: {@code "z-test"} or {@code "fisher-exact"}. */
    public String wireName() {
        return wireName;
    }
}
