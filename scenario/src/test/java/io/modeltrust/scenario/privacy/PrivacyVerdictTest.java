package io.modeltrust.scenario.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.scenario.privacy.Canary.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivacyVerdictTest {

    private final List<Canary> all = new Canaries(11, 100, 50).all();

    private Map<Canary, Integer> some(Origin origin, boolean numeric, int n) {
        Map<Canary, Integer> out = new LinkedHashMap<>();
        all.stream().filter(c -> c.origin() == origin && c.numeric() == numeric).limit(n).forEach(c -> out.put(c, 2));
        return out;
    }

    private static PrivacyVerdict verdict(List<Map<Canary, Integer>> tables) {
        return new PrivacyVerdict(tables.stream().map(h -> new DatabaseScan.TableHits("s.t", 10, h)).toList());
    }

    @Test
    void aFewOrderStatisticsAndNamedCategoriesPassAndTheReferenceIsOnlyReported() {
        PrivacyVerdict v = verdict(List.of(some(Origin.BATCH_1, true, 5), some(Origin.BATCH_1, false, 3),
                some(Origin.BATCH_2, false, 3), some(Origin.REFERENCE, true, 100)));
        assertTrue(v.pass(), v.failures().toString());
        assertEquals(100, v.numbers(Origin.REFERENCE));
    }

    @Test
    void storedRowsFail() {
        assertFalse(verdict(List.of(some(Origin.BATCH_2, true, 50))).pass());
        assertFalse(verdict(List.of(some(Origin.BATCH_1, false, 4))).pass());
    }

    @Test
    void anyValueOfARejectedUploadFails() {
        PrivacyVerdict v = verdict(List.of(some(Origin.REJECTED, false, 1)));
        assertFalse(v.pass());
        assertEquals(1, v.failures().size());
    }
}
