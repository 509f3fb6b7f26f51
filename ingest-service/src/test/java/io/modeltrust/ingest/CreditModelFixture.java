package io.modeltrust.ingest;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;

/** A small credit model registered under a fresh id for each test. */
public final class CreditModelFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    public static final String SPEC = """
            {"task":"binary_classification",
             "features":[{"name":"income","type":"numeric"},{"name":"purpose","type":"categorical"}],
             "prediction":"approved","score":"score","label":"defaulted","positiveClass":"1",
             "sensitive":["sex"],"privileged":{"sex":"male"},"id":"application_id"}""";

    public static final String SPEC_WITH_CLASSES = SPEC.replace("\"positiveClass\":\"1\"",
            "\"positiveClass\":\"1\",\"classes\":[\"0\",\"1\"]");

    public static final String REFERENCE_CSV = """
            application_id,income,purpose,sex,approved,score,defaulted
            r1,52800,car,male,1,0.81,0
            r2,41200.5,"house, big",female,0,0.22,1
            r3,,car,female,1,0.64,0
            r4,0.1,"say \"\"hi\"\"",male,0,0.05,0
            """;

    private CreditModelFixture() {
    }

    /** Registers a new model, uploads the reference, returns the model id. */
    public static String registerWithReference() {
        return registerWithReferenceExpecting(201);
    }

    /** Registers a new model and posts its reference, expecting this status for the reference. */
    public static String registerWithReferenceExpecting(int referenceStatus) {
        String id = registerOnly();
        given().contentType("text/csv").body(REFERENCE_CSV).post("/api/v1/models/" + id + "/reference")
                .then().statusCode(referenceStatus);
        return id;
    }

    public static String registerOnly() {
        return registerOnly(given(), SPEC);
    }

    /** Registers a new model with the request given (an API key, say). */
    public static String registerOnly(RequestSpecification as) {
        return registerOnly(as, SPEC);
    }

    public static String registerOnly(RequestSpecification as, String spec) {
        String id = "credit-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet() + "-"
                + System.nanoTime() % 100000;
        as.contentType("application/json").body(spec).put("/api/v1/models/" + id).then().statusCode(201);
        return id;
    }
}
