package io.modeltrust.drift.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.drift.DriftComputation;
import io.modeltrust.drift.MovingReferenceTest;
import io.modeltrust.drift.window.PooledWindow;
import io.modeltrust.drift.window.WindowBatch;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.drift.MulticlassBatches;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.profile.ResultStore;
import io.modeltrust.model.Json;
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.security.testing.OpenApiCalls;
import io.modeltrust.security.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The drift service's OpenAPI is complete, and true of a real result: one computed from the multiclass fixture
 * is stored, read back over HTTP, and every status and field it answers must be documented.
 */
@QuarkusTest
class DriftOpenApiTest {

    private static final String ONE = "GET /api/v1/models/{modelId}/drift/{batchId}";
    private static final String LATEST = "GET /api/v1/models/{modelId}/drift";

    @Inject
    ResultStore results;

    @Test
    void documentIsCompleteAndSwaggerUiServed() {
        OpenApiContract contract = OpenApiCalls.load();
        assertEquals(List.of(), contract.shapeProblems());
        assertEquals(Set.of(ONE, LATEST), contract.operations());
        OpenApiCalls.assertSwaggerUiServed();
    }

    /** A result of a model on drift.reference both, with its previous section. */
    private static DriftResult bothResult() {
        DriftSettings both = MovingReferenceTest.settings("both", 2);
        PooledWindow window = PooledWindow.pool(List.of(
                WindowBatch.of(MovingReferenceTest.batch("w1", 1, both, 0, false, 500), 1000),
                WindowBatch.of(MovingReferenceTest.batch("w2", 2, both, 0, false, 500), 1000)));
        DriftResult result = DriftComputation.compute(MovingReferenceTest.batch("w3", 3, both, 1, true, 500),
                ReferenceProfiles.of(MovingReferenceTest.batch("ref", 0, both, 0, false, 800)), window, "e", Instant.EPOCH);
        assertEquals("both", result.referenceMode());
        assertEquals(3, result.previous().features().size());
        return result;
    }

    @Test
    void realAnswersAreDocumented() {
        DriftResult result = DriftComputation.compute(MulticlassBatches.production(2000, 0.2),
                ReferenceProfiles.of(MulticlassBatches.reference(3000)), "openapi-event", Instant.EPOCH);
        String json = Json.toString(result);
        String model = "openapi-drift-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        results.save(model, "b1", 1, "openapi-event", json, Instant.now());

        OpenApiContract contract = OpenApiCalls.load();
        contract.conforms("DriftResult", json);
        contract.conforms("DriftResult", Json.toString(bothResult()));
        OpenApiCalls.call(contract, ONE, 200, given(), model, "b1");
        OpenApiCalls.call(contract, ONE, 404, given(), model, "no-such-batch");
        OpenApiCalls.call(contract, LATEST, 200, given(), model);
        OpenApiCalls.call(contract, LATEST, 200, given(), "no-such-model");
        OpenApiCalls.call(contract, LATEST, 404, given().queryParam("limit", "ten"), model);
        assertEquals(Set.of(), contract.unobserved());
    }
}
