package io.modeltrust.ingest.containers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The round trip against containerised Kafka and PostgreSQL; skipped cleanly without Docker. */
@Testcontainers(disabledWithoutDocker = true)
@WithTestResource(ContainersResource.class)
@QuarkusTest
class IngestOnContainersTest {

    @Test
    void registersUploadsAndPublishes() {
        String spec = """
                {"task":"regression","features":[{"name":"x","type":"numeric"}],"prediction":"y_hat"}""";
        given().contentType("application/json").body(spec).put("/api/v1/models/tc-model").then().statusCode(201);
        given().contentType("text/csv").body("x,y_hat\n1,2\n3,4\n".getBytes()).post("/api/v1/models/tc-model/reference")
                .then().statusCode(201).body("referenceVersion", equalTo(1));
        given().contentType("text/csv").body("x,y_hat\n5,6\n".getBytes()).post("/api/v1/models/tc-model/batches")
                .then().statusCode(202).body("rows", equalTo(1));
    }
}
