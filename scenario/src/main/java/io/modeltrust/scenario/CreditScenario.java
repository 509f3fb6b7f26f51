package io.modeltrust.scenario;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded credit-scoring story. A scorecard approves applications whose score is at least 0.5.
 * <ul>
 * <li>Batches 1–5: the world looks like the reference period.</li>
 * <li>From batch {@value #INCOME_DRIFT_FROM}: a downturn, incomes are 20% lower (feature drift).</li>
 * <li>From batch {@value #FAIRNESS_FROM}: an upstream rule change makes approval harder for women
 * (their threshold becomes {@value #FEMALE_THRESHOLD}), so their approval rate falls.</li>
 * <li>From batch {@value #ACCURACY_FROM}: the relation between applicants and repayment changes
 * (concept drift), so accuracy degrades — visible only once labels arrive.</li>
 * <li>Labels (did the borrower repay?) for batch k arrive with batch k + {@value #LABEL_DELAY}.</li>
 * </ul>
 * Every run generates the same rows.
 */
public final class CreditScenario {

    public static final String MODEL_ID = "credit";
    public static final int REFERENCE_ROWS = 20_000;
    public static final int BATCH_ROWS = 5_000;
    public static final int BATCHES = 16;
    public static final int LABEL_DELAY = 3;
    public static final int INCOME_DRIFT_FROM = 6;
    public static final int FAIRNESS_FROM = 9;
    public static final int ACCURACY_FROM = 12;
    public static final double FEMALE_THRESHOLD = 0.65;
    public static final Instant START = Instant.parse("2026-11-01T09:00:00Z");

    static final String[] PURPOSES = {"car", "home_improvement", "debt_consolidation", "education", "medical", "other"};
    static final String[] HOMES = {"rent", "mortgage", "own"};
    static final String[] REGIONS = {"north", "south", "east", "west"};
    static final String[] EDUCATION = {"high_school", "bachelor", "master", "doctorate"};
    static final String[] AGE_BANDS = {"18-25", "26-35", "36-50", "51+"};

    public static final String HEADER = "application_id,income,debt_to_income,credit_score,loan_amount,employment_years,"
            + "num_credit_lines,months_since_delinquency,savings,loan_term_months,interest_rate,purpose,home_ownership,"
            + "region,education,sex,age_band,score,approved";

    private final long seed;

    public CreditScenario(long seed) {
        this.seed = seed;
    }

    public static String modelSpecJson() {
        return """
                {"task": "binary_classification",
                 "features": [
                   {"name": "income", "type": "numeric"}, {"name": "debt_to_income", "type": "numeric"},
                   {"name": "credit_score", "type": "numeric"}, {"name": "loan_amount", "type": "numeric"},
                   {"name": "employment_years", "type": "numeric"}, {"name": "num_credit_lines", "type": "numeric"},
                   {"name": "months_since_delinquency", "type": "numeric"}, {"name": "savings", "type": "numeric"},
                   {"name": "loan_term_months", "type": "numeric"}, {"name": "interest_rate", "type": "numeric"},
                   {"name": "purpose", "type": "categorical"}, {"name": "home_ownership", "type": "categorical"},
                   {"name": "region", "type": "categorical"}, {"name": "education", "type": "categorical"}],
                 "prediction": "approved", "score": "score", "label": "repaid", "positiveClass": "1",
                 "sensitive": ["sex", "age_band"], "privileged": {"sex": "male"},
                 "id": "application_id", "timestamp": null,
                 "fairness": {"minGroupSize": 30, "intersections": [["sex", "age_band"]], "positiveLabel": "Approval"}}
                """;
    }

    /** When batch k (1-based) was decided; the reference period ends at {@link #START}. */
    public static Instant batchTime(int k) {
        return START.plus(k, ChronoUnit.DAYS);
    }

    public String referenceCsv() {
        return csv(0, REFERENCE_ROWS, true);
    }

    /** Production batch k: decisions and scores, no labels yet. */
    public String batchCsv(int k) {
        return csv(k, BATCH_ROWS, false);
    }

    /** The labels of batch k, as they arrive later: id and whether the loan was repaid. */
    public String labelsCsv(int k) {
        StringBuilder out = new StringBuilder(BATCH_ROWS * 16).append("application_id,repaid\n");
        SplittableRandom random = new SplittableRandom(seed * 1_000 + k);
        for (int i = 0; i < BATCH_ROWS; i++) {
            Applicant a = Applicant.draw(random, k);
            out.append(id(k, i)).append(',').append(a.repaid() ? 1 : 0).append('\n');
        }
        return out.toString();
    }

    private String csv(int k, int rows, boolean withLabels) {
        StringBuilder out = new StringBuilder(rows * 200).append(HEADER).append(withLabels ? ",repaid\n" : "\n");
        SplittableRandom random = new SplittableRandom(seed * 1_000 + k);
        for (int i = 0; i < rows; i++) {
            Applicant a = Applicant.draw(random, k);
            out.append(id(k, i)).append(',')
                    .append(fmt(a.income(), 2)).append(',').append(fmt(a.debtToIncome(), 4)).append(',')
                    .append(fmt(a.creditScore(), 0)).append(',').append(fmt(a.loanAmount(), 2)).append(',')
                    .append(fmt(a.employmentYears(), 1)).append(',').append(a.creditLines()).append(',')
                    .append(fmt(a.monthsSinceDelinquency(), 0)).append(',').append(fmt(a.savings(), 2)).append(',')
                    .append(a.loanTermMonths()).append(',').append(fmt(a.interestRate(), 4)).append(',')
                    .append(a.purpose()).append(',').append(a.homeOwnership()).append(',').append(a.region()).append(',')
                    .append(a.education()).append(',').append(a.female() ? "female" : "male").append(',')
                    .append(a.ageBand()).append(',').append(fmt(a.score(), 6)).append(',').append(a.approved() ? 1 : 0);
            if (withLabels) {
                out.append(',').append(a.repaid() ? 1 : 0);
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String id(int k, int i) {
        return k == 0 ? "ref-" + i : "b" + k + "-" + i;
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
