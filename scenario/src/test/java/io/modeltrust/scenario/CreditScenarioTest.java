package io.modeltrust.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The generator tells the same story every run, and the story is the one the README promises. */
class CreditScenarioTest {

    private final CreditScenario scenario = new CreditScenario(42);

    @Test
    void sameSeedSameRows() {
        assertEquals(scenario.batchCsv(7), new CreditScenario(42).batchCsv(7));
        assertEquals(scenario.labelsCsv(7), new CreditScenario(42).labelsCsv(7));
    }

    @Test
    void labelsBelongToTheirBatch() {
        String[] batch = scenario.batchCsv(3).split("\n");
        String[] labels = scenario.labelsCsv(3).split("\n");
        assertEquals(batch.length, labels.length);
        assertEquals(batch[10].split(",")[0], labels[10].split(",")[0]);
    }

    @Test
    void approvalsForWomenFallFromTheFairnessBatch() {
        assertTrue(approvalRatio(CreditScenario.FAIRNESS_FROM - 1) > 0.9);
        assertTrue(approvalRatio(CreditScenario.FAIRNESS_FROM) < 0.8);
    }

    private double approvalRatio(int k) {
        String[] rows = scenario.batchCsv(k).split("\n");
        int female = 0;
        int femaleApproved = 0;
        int male = 0;
        int maleApproved = 0;
        for (int i = 1; i < rows.length; i++) {
            String[] f = rows[i].split(",");
            boolean approved = f[f.length - 1].equals("1");
            if (f[15].equals("female")) {
                female++;
                femaleApproved += approved ? 1 : 0;
            } else {
                male++;
                maleApproved += approved ? 1 : 0;
            }
        }
        double rf = (double) femaleApproved / female;
        double rm = (double) maleApproved / male;
        return Math.min(rf, rm) / Math.max(rf, rm);
    }
}
