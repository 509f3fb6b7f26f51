package io.modeltrust.fairness.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.fairness.FairnessComputation;
import io.modeltrust.fairness.FairnessInputs;
import io.modeltrust.fairness.MulticlassFixture;
import io.modeltrust.fairness.metrics.FairnessReport;
import io.modeltrust.fairness.store.BaselineStore;
import io.modeltrust.fairness.store.ResultStore;
import io.modeltrust.model.Json;
import io.modeltrust.model.event.FairnessResult;
import io.modeltrust.security.testing.OpenApiCalls;
import io.modeltrust.security.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fairness service's OpenAPI is complete, and true of real answers: a baseline and a labelled result computed
 * from the multiclass fixture are stored and read back over HTTP; every status and field answered must be
 * documented.
 */
@QuarkusTest
class FairnessOpenApiTest {

    private static final String BASE = "/api/v1/models/{modelId}/fairness";
    private static final String ONE = "GET " + BASE + "/{batchId}";
    private static final String LATEST = "GET " + BASE;
    private static final String BASELINE = "GET " + BASE + "/baselines/{referenceVersion}";

    @Inject
    ResultStore results;
    @Inject
    BaselineStore baselines;

    @Test
    void documentIsCompleteAndSwaggerUiServed() {
        OpenApiContract contract = OpenApiCalls.load();
        assertEquals(List.of(), contract.shapeProblems());
        assertEquals(Set.of(ONE, LATEST, BASELINE), contract.operations());
        OpenApiCalls.assertSwaggerUiServed();
    }

    @Test
    void realAnswersAreDocumented() {
        String model = "openapi-fair-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        FairnessInputs inputs = FairnessInputs.of(MulticlassFixture.batch("mc", true));
        FairnessReport baseline = FairnessComputation.baseline(inputs, MulticlassFixture.SPEC);
        baselines.save(model, 1, inputs.rows(), baseline);
        FairnessResult result = FairnessComputation.compute(inputs, MulticlassFixture.SPEC, baseline,
                new FairnessComputation.Meta("openapi-event", model, "b1", 1, 1, Instant.EPOCH, Instant.EPOCH)).result();
        String json = Json.toString(result);
        results.saveFirst(new ResultStore.Row(model, "b1", 1, "openapi-event", json, Instant.now()), null);

        OpenApiContract contract = OpenApiCalls.load();
        contract.conforms("FairnessResult", json);
        contract.conforms("FairnessReport", Json.toString(baseline));
        OpenApiCalls.call(contract, ONE, 200, given(), model, "b1");
        OpenApiCalls.call(contract, ONE, 200, given().queryParam("revision", 1), model, "b1");
        OpenApiCalls.call(contract, ONE, 404, given().queryParam("revision", 4), model, "b1");
        OpenApiCalls.call(contract, ONE, 404, given(), model, "no-such-batch");
        OpenApiCalls.call(contract, LATEST, 200, given(), model);
        OpenApiCalls.call(contract, LATEST, 404, given().queryParam("limit", "ten"), model);
        OpenApiCalls.call(contract, BASELINE, 200, given(), model, 1);
        OpenApiCalls.call(contract, BASELINE, 404, given(), model, 9);
        OpenApiCalls.call(contract, BASELINE, 404, given(), model, "first");
        assertEquals(Set.of(), contract.unobserved());
    }
}
