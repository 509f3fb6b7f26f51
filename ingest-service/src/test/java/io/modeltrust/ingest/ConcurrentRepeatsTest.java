package io.modeltrust.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight clients sending one request at once, as a retrying producer fleet does: one Idempotency-Key publishes one
 * batch (every answer a 202 with its batchId, or a 409 while it is in flight), and one new model id is created
 * once (201 once, 200 for the rest), never a 500.
 */
@QuarkusTest
class ConcurrentRepeatsTest {

    private static final int CLIENTS = 8;
    private static TopicProbe probe;

    @BeforeAll
    static void setUp() {
        probe = new TopicProbe("monitoring.batches");
    }

    @AfterAll
    static void tearDown() {
        probe.close();
    }

    @Test
    void eightRepeatsOfOneIdempotencyKeyPublishOneBatch() throws Exception {
        String model = CreditModelFixture.registerWithReference();
        StringBuilder csv = new StringBuilder("application_id,income,purpose,sex,approved,score\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("r").append(i).append(',').append(i).append(",car,male,1,0.9\n");
        }
        var from = probe.endOffsets();
        List<Response> answers = together(() -> given().contentType("text/csv").header("Idempotency-Key", "race-1")
                .body(csv.toString()).post("/api/v1/models/" + model + "/batches"));
        List<Integer> codes = answers.stream().map(Response::statusCode).toList();
        assertTrue(codes.stream().allMatch(c -> c == 202 || c == 409), codes::toString);
        List<String> ids = answers.stream().filter(r -> r.statusCode() == 202).map(r -> r.<String>path("batchId"))
                .distinct().toList();
        assertEquals(1, ids.size(), "every 202 names the one batch: " + codes);
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> assertEquals("application/problem+json",
                r.contentType().split(";")[0]));
        String again = given().contentType("text/csv").header("Idempotency-Key", "race-1").body(csv.toString())
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202).extract().path("batchId");
        assertEquals(ids.get(0), again, "a later repeat gets the first receipt");
        Thread.sleep(1000);
        var headers = probe.recordsSince(from).stream()
                .filter(r -> "header".equals(TopicProbe.header(r, "mt-record")))
                .map(TopicProbe::batchIdOf).collect(Collectors.toSet());
        assertEquals(java.util.Set.of(ids.get(0)), headers, "exactly one batch was published");
    }

    @Test
    void eightFirstPutsOfOneNewModelCreateItOnce() throws Exception {
        String model = "race-model-" + System.nanoTime() % 1_000_000;
        List<Integer> codes = together(() -> given().contentType("application/json").body(CreditModelFixture.SPEC)
                .put("/api/v1/models/" + model)).stream().map(Response::statusCode).toList();
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(CLIENTS - 1, codes.stream().filter(c -> c == 200).count(), codes::toString);
    }

    private static List<Response> together(Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
