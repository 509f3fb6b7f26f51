package io.modeltrust.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modeltrust.model.event.FairnessResult.AttributeResult;
import io.modeltrust.model.event.FairnessResult.GroupResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupSignificanceTest {

    private static GroupResult group(String name, boolean eligible, Double p) {
        return new GroupResult(name, eligible ? 100 : 10, 0.4, 0.3, 0.5, null, null, null, null, p == null ? null : -0.1,
                p == null ? null : 0.8, p, p == null ? null : "z-test", eligible, null, null, 0);
    }

    private static AttributeResult attribute(String name, GroupResult... groups) {
        return new AttributeResult(name, groups[0].group(), 0.1, 0.8, null, null, List.of(groups), null, "text", "largest");
    }

    @Test
    void pValuesAreAdjustedAcrossEveryTestedGroupOfTheBatch() {
        // statsmodels multipletests([0.01, 0.04, 0.03], method='fdr_bh')[1] = [0.03, 0.04, 0.04]
        List<AttributeResult> out = GroupSignificance.adjusted(List.of(
                attribute("sex", group("male", true, null), group("female", true, 0.01)),
                attribute("age", group("30-50", true, null), group("<30", true, 0.04), group(">=50", true, 0.03),
                        group("tiny", false, 0.001))));
        assertNull(out.get(0).groups().get(0).adjustedPValue(), "the reference group is not tested");
        assertEquals(0.03, out.get(0).groups().get(1).adjustedPValue(), 1e-15);
        assertEquals(0.04, out.get(1).groups().get(1).adjustedPValue(), 1e-15);
        assertEquals(0.04, out.get(1).groups().get(2).adjustedPValue(), 1e-15);
        assertNull(out.get(1).groups().get(3).adjustedPValue(), "a group under minGroupSize takes no part");
        assertEquals(0.001, out.get(1).groups().get(3).pValue(), "its own p-value stays");
        assertEquals("text", out.get(1).explanation());
    }
}
