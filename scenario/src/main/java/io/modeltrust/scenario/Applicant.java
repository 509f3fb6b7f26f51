package io.modeltrust.scenario;

import java.util.SplittableRandom;

/** One generated application, its score and decision, and whether it was in truth repaid. */
record Applicant(boolean female, String ageBand, double income, double debtToIncome, double creditScore,
                 double loanAmount, double employmentYears, int creditLines, double monthsSinceDelinquency,
                 double savings, int loanTermMonths, double interestRate, String purpose, String homeOwnership,
                 String region, String education, double score, boolean approved, boolean repaid) {

    private static final int[] TERMS = {12, 24, 36, 48, 60};

    /** Draws the next applicant of batch k (0 = reference period); consumes the same randoms every time. */
    static Applicant draw(SplittableRandom r, int k) {
        boolean female = r.nextDouble() < 0.5;
        String ageBand = CreditScenario.AGE_BANDS[r.nextInt(4)];
        double incomeFactor = k >= CreditScenario.INCOME_DRIFT_FROM ? 0.8 : 1.0;
        double income = Math.exp(10.8 + 0.45 * r.nextGaussian()) * incomeFactor;
        double dti = clamp(0.35 + 0.12 * r.nextGaussian(), 0.01, 0.95);
        double creditScore = clamp(680 + 60 * r.nextGaussian(), 300, 850);
        double loan = Math.exp(9.6 + 0.6 * r.nextGaussian());
        double employment = Math.min(40, -6 * Math.log(1 - r.nextDouble()));
        int lines = (int) clamp(Math.round(8 + 3 * r.nextGaussian()), 1, 25);
        double delinquency = clamp(40 + 20 * r.nextGaussian(), 0, 120);
        double savings = Math.exp(8.5 + r.nextGaussian());
        int term = TERMS[r.nextInt(TERMS.length)];
        double rate = clamp(0.11 + 0.03 * r.nextGaussian(), 0.02, 0.3);
        String purpose = CreditScenario.PURPOSES[r.nextInt(CreditScenario.PURPOSES.length)];
        String home = CreditScenario.HOMES[r.nextInt(CreditScenario.HOMES.length)];
        String region = CreditScenario.REGIONS[r.nextInt(CreditScenario.REGIONS.length)];
        String education = CreditScenario.EDUCATION[r.nextInt(CreditScenario.EDUCATION.length)];
        double z = 0.1 + 1.5 * (Math.log(income) - 10.8) / 0.45 - 1.1 * (dti - 0.35) / 0.12
                + 1.0 * (creditScore - 680) / 60 - 0.5 * (Math.log(loan) - 9.6) / 0.6 + 0.3 * (employment - 6) / 6
                + ("own".equals(home) ? 0.15 : 0) - ("debt_consolidation".equals(purpose) ? 0.15 : 0);
        double score = sigmoid(z);
        double threshold = female && k >= CreditScenario.FAIRNESS_FROM ? CreditScenario.FEMALE_THRESHOLD : 0.5;
        boolean approved = score >= threshold;
        double truth = k >= CreditScenario.ACCURACY_FROM ? 0.35 * z + 1.5 * r.nextGaussian() : z;
        boolean repaid = r.nextDouble() < sigmoid(truth);
        return new Applicant(female, ageBand, income, dti, creditScore, loan, employment, lines, delinquency,
                savings, term, rate, purpose, home, region, education, score, approved, repaid);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
