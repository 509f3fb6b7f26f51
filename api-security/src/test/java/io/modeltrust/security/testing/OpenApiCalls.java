package io.modeltrust.security.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;

/** Real calls of a running service (a @QuarkusTest's) checked against its OpenAPI document. */
public final class OpenApiCalls {

    private OpenApiCalls() {
    }

    /** The service's document, fetched without an API key: /q/** needs none even when keys are configured. */
    public static OpenApiContract load() {
        Response doc = given().get("/q/openapi?format=json");
        assertEquals(200, doc.statusCode(), "/q/openapi");
        return OpenApiContract.parse(doc.asString());
    }

    /** Swagger UI answers without an API key. */
    public static void assertSwaggerUiServed() {
        Response ui = given().redirects().follow(true).get("/q/swagger-ui/");
        assertEquals(200, ui.statusCode(), "/q/swagger-ui/");
    }

    /**
     * Calls an operation ("METHOD /path/{template}") with the path parameters given, expects the status, and
     * checks the answer against the document ({@link OpenApiContract#observe}).
     */
    public static Response call(OpenApiContract contract, String operation, int status, RequestSpecification request,
                                Object... pathParams) {
        String[] parts = operation.split(" ", 2);
        Response response = request.request(parts[0], parts[1], pathParams);
        assertEquals(status, response.statusCode(),
                () -> operation + " " + Arrays.toString(pathParams) + ": " + response.asString());
        contract.observe(operation, response.statusCode(), response.contentType(), response.asString());
        return response;
    }
}
