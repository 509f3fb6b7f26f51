package io.modeltrust.performance.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.performance.BaselineComputation;
import io.modeltrust.performance.MulticlassFixture;
import io.modeltrust.performance.PerformanceComputation;
import io.modeltrust.performance.pending.LabelBatchEntity;
import io.modeltrust.performance.profile.BaselineStore;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.profile.ResultStore;
import io.modeltrust.performance.rows.BatchColumns;
import io.modeltrust.security.testing.OpenApiCalls;
import io.modeltrust.security.testing.OpenApiContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The performance service's OpenAPI is complete, and true of real answers: a baseline and a labelled result
 * computed from the multiclass fixture, and a processed labels batch, are stored and read back over HTTP; every
 * status and field answered must be documented.
 */
@QuarkusTest
class PerformanceOpenApiTest {

    private static final String BASE = "/api/v1/models/{modelId}/performance";
    private static final String ONE = "GET " + BASE + "/{batchId}";
    private static final String REVISIONS = "GET " + BASE + "/{batchId}/revisions";
    private static final String LATEST = "GET " + BASE;
    private static final String BASELINE = "GET " + BASE + "/baseline";
    private static final String PENDING = "GET " + BASE + "/pending";
    private static final String LABELS = "GET " + BASE + "/labels/{labelsBatchId}";

    @Inject
    ResultStore results;
    @Inject
    BaselineStore baselines;

    @Test
    void documentIsCompleteAndSwaggerUiServed() {
        OpenApiContract contract = OpenApiCalls.load();
        assertEquals(List.of(), contract.shapeProblems());
        assertEquals(Set.of(ONE, REVISIONS, LATEST, BASELINE, PENDING, LABELS), contract.operations());
        OpenApiCalls.assertSwaggerUiServed();
    }

    @Test
    void realAnswersAreDocumented() {
        String model = "openapi-perf-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        var spec = MulticlassFixture.spec(true);
        var columns = MulticlassFixture.columns(true);
        ReferenceBaseline computed = BaselineComputation.of(MulticlassFixture.batch(spec, columns, "ref",
                BatchKind.REFERENCE, MulticlassFixture.data(MulticlassFixture.PIPELINE.get("reference"), true)));
        ReferenceBaseline baseline = new ReferenceBaseline(model, 1, computed.task(), computed.rows(),
                computed.labeledRows(), computed.metrics(), computed.schema(), computed.slices(), computed.calibration(),
                computed.estimated(), computed.calibrationNote(), computed.classes(), computed.classCalibration());
        baselines.save(baseline);
        var production = MulticlassFixture.batch(spec, columns, "batchB", BatchKind.PRODUCTION,
                MulticlassFixture.data(MulticlassFixture.PIPELINE.get("batchB"), true));
        PerformanceResult result = PerformanceComputation.compute(BatchColumns.of(production, baseline.schema()), baseline,
                new PerformanceComputation.Revision("openapi-event", model, "b1", 1, 1, Instant.EPOCH, Instant.EPOCH,
                        null, null, null, null, null));
        String json = Json.toString(result);
        results.save(model, "b1", 1, "openapi-event", json, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> labelsBatch(model).persist());

        OpenApiContract contract = OpenApiCalls.load();
        contract.conforms("PerformanceResult", json);
        contract.conforms("ReferenceBaseline", Json.toString(baseline));
        OpenApiCalls.call(contract, ONE, 200, given(), model, "b1");
        OpenApiCalls.call(contract, ONE, 200, given().queryParam("revision", 1), model, "b1");
        OpenApiCalls.call(contract, ONE, 404, given().queryParam("revision", 7), model, "b1");
        OpenApiCalls.call(contract, ONE, 404, given().queryParam("revision", "latest"), model, "b1");
        OpenApiCalls.call(contract, REVISIONS, 200, given(), model, "b1");
        OpenApiCalls.call(contract, REVISIONS, 404, given(), model, "no-such-batch");
        OpenApiCalls.call(contract, LATEST, 200, given(), model);
        OpenApiCalls.call(contract, LATEST, 404, given().queryParam("limit", "ten"), model);
        OpenApiCalls.call(contract, BASELINE, 200, given(), model);
        OpenApiCalls.call(contract, BASELINE, 200, given().queryParam("referenceVersion", 1), model);
        OpenApiCalls.call(contract, BASELINE, 404, given(), "no-such-model");
        OpenApiCalls.call(contract, PENDING, 200, given(), model);
        OpenApiCalls.call(contract, LABELS, 200, given(), model, "labels-1");
        OpenApiCalls.call(contract, LABELS, 404, given(), model, "no-such-labels");
        assertEquals(Set.of(), contract.unobserved());
    }

    private static LabelBatchEntity labelsBatch(String model) {
        LabelBatchEntity e = new LabelBatchEntity();
        e.modelId = model;
        e.batchId = "labels-1";
        e.rows = 10;
        e.matched = 8;
        e.unmatched = 2;
        e.affectedBatches = 1;
        e.receivedAt = Instant.parse("2026-12-01T00:00:00Z");
        e.processedAt = Instant.parse("2026-12-01T00:00:01Z");
        return e;
    }
}
