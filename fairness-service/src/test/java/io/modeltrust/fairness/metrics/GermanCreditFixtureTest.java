package io.modeltrust.fairness.metrics;

import static io.modeltrust.fairness.metrics.FixtureSupport.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.service.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * UCI German Credit from the shared data folder (never copied into the repository). The fixture
 * holds the logistic regression's parameters, so the decisions are recomputed here, and the figures.
 */
class GermanCreditFixtureTest {

    @Test
    void germanCreditFiguresMatchReference() throws IOException {
        String missing = SharedData.missing("UCI German Credit", "german.data");
        assumeTrue(missing == null, missing);
        Path dir = SharedData.dir();
        JsonNode fixture = FixtureSupport.fixture("fairness_german.json");
        assertNotNull(fixture, "fixtures/fairness_german.json is committed: regenerate it with the data present");

        List<String[]> rows = Files.readAllLines(dir.resolve("german.data")).stream()
                .filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
        int n = rows.size();
        JsonNode model = fixture.get("model");
        double[] mean = FixtureSupport.doubles(model.get("mean"));
        double[] scale = FixtureSupport.doubles(model.get("scale"));
        double[] coef = FixtureSupport.doubles(model.get("coef"));
        double intercept = model.get("intercept").asDouble();
        JsonNode columns = model.get("columns");

        boolean[] approved = new boolean[n];
        byte[] good = new byte[n];
        int[] sex = new int[n];
        double[] age = new double[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            double margin = intercept;
            for (int j = 0; j < coef.length; j++) {
                margin += (Double.parseDouble(r[columns.get(j).asInt()]) - mean[j]) / scale[j] * coef[j];
            }
            approved[i] = margin > 0;
            positives += approved[i] ? 1 : 0;
            good[i] = (byte) (r[20].equals("1") ? 1 : 0);
            sex[i] = r[8].equals("A92") ? 0 : 1;
            age[i] = Double.parseDouble(r[12]);
        }
        assertEquals(model.get("positives").asInt(), positives, "decisions recomputed from the model");

        JsonNode inputs = fixture.get("inputs");
        List<CategoricalAttribute> attributes = List.of(
                new CategoricalAttribute("sex", new String[] {"female", "male"}, sex),
                NumericBuckets.bucketize("age", age, FixtureSupport.doubles(inputs.get("ageEdges"))));
        FairnessReport report = FairnessEngine.compute(attributes, approved, good, FixtureSupport.options(inputs));

        JsonNode expected = fixture.get("expected");
        assertMatches("german", report.attributes(), expected.get("attributes"));
        FairnessFixtureTest.checkExplanations("german", report, expected.get("explanations"));
    }
}
