package io.modeltrust.security.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract check finds what issue C found in ingest's document, and accepts a complete one. */
class OpenApiContractTest {

    /** What the scanner made of a resource method taking and returning a String: the document of issue C. */
    private static final String BARE = """
            {"openapi": "3.1.0", "paths": {"/api/v1/models/{modelId}": {"put": {
              "requestBody": {"content": {"*/*": {"schema": {"type": "string"}}}},
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {}}}}}}}}}
            """;

    private static final String COMPLETE = """
            {"openapi": "3.1.0",
             "components": {"schemas": {
               "Problem": {"type": "object", "required": ["type", "title", "status", "detail"], "properties": {
                 "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                 "detail": {"type": "string"}}},
               "Spec": {"type": "object", "required": ["task"], "properties": {"task": {"type": "string"}}},
               "Model": {"allOf": [{"$ref": "#/components/schemas/Spec"},
                                   {"type": "object", "properties": {"modelId": {"type": "string"}}}]}}},
             "paths": {"/api/v1/models/{modelId}": {"put": {
               "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Spec"}}}},
               "responses": {
                 "201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Model"}}}},
                 "400": {"description": "Bad", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                 "503": {"description": "Away", "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                         "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
              "/api/v1/models": {"get": {"responses": {
                 "200": {"description": "All", "content": {"application/json": {"schema": {"type": "array",
                         "items": {"$ref": "#/components/schemas/Model"}}}}},
                 "401": {"description": "No key", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}}}
            """;

    @Test
    void findsTheBareDocumentsProblems() {
        List<String> problems = OpenApiContract.parse(BARE).shapeProblems();
        String all = String.join("\n", problems);
        assertTrue(all.contains("PUT /api/v1/models/{modelId} documents no 4xx answer"), all);
        assertTrue(all.contains("request body */*: a wildcard media type"), all);
        assertTrue(all.contains("request body */* has no schema beyond a plain string"), all);
        assertTrue(all.contains("PUT /api/v1/models/{modelId} 200 application/json has no schema beyond a plain string"), all);
    }

    @Test
    void acceptsACompleteDocument() {
        assertEquals(List.of(), OpenApiContract.parse(COMPLETE).shapeProblems());
    }

    @Test
    void errorsMustBeProblemsAndRefsMustResolve() {
        String wrong = COMPLETE.replace("\"400\": {\"description\": \"Bad\", \"content\": {\"application/problem+json\"",
                "\"400\": {\"description\": \"Bad\", \"content\": {\"application/json\"")
                .replace("\"items\": {\"$ref\": \"#/components/schemas/Model\"}", "\"items\": {\"$ref\": \"#/components/schemas/Gone\"}")
                .replace("\"headers\": {\"Retry-After\": {\"schema\": {\"type\": \"integer\"}}},", "");
        String all = String.join("\n", OpenApiContract.parse(wrong).shapeProblems());
        assertTrue(all.contains("PUT /api/v1/models/{modelId} 400 is not documented as an application/problem+json Problem"), all);
        assertTrue(all.contains("unresolved $ref #/components/schemas/Gone"), all);
        assertTrue(all.contains("503 does not document Retry-After"), all);
    }

    @Test
    void anUndocumentedStatusFails() {
        OpenApiContract contract = OpenApiContract.parse(COMPLETE);
        AssertionError e = assertThrows(AssertionError.class, () ->
                contract.observe("PUT /api/v1/models/{modelId}", 409, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"x\"}"));
        assertTrue(e.getMessage().contains("answered 409, which its OpenAPI does not document"), e.getMessage());
    }

    @Test
    void bodiesAreComparedWithTheirSchemas() {
        OpenApiContract contract = OpenApiContract.parse(COMPLETE);
        assertDoesNotThrow(() -> contract.observe("PUT /api/v1/models/{modelId}", 201, "application/json",
                "{\"task\":\"regression\",\"modelId\":\"m\"}"));
        AssertionError extra = assertThrows(AssertionError.class, () -> contract.observe("GET /api/v1/models", 200,
                "application/json", "[{\"task\":\"regression\",\"modelId\":\"m\",\"secret\":1}]"));
        assertTrue(extra.getMessage().contains("[secret]"), extra.getMessage());
        AssertionError missing = assertThrows(AssertionError.class, () -> contract.observe("PUT /api/v1/models/{modelId}",
                400, "application/problem+json", "{\"title\":\"Bad\",\"status\":400,\"detail\":\"x\"}"));
        assertTrue(missing.getMessage().contains("lacks required fields [type]"), missing.getMessage());
        AssertionError media = assertThrows(AssertionError.class, () -> contract.observe("PUT /api/v1/models/{modelId}",
                400, "application/json", "{}"));
        assertTrue(media.getMessage().contains("answered application/json"), media.getMessage());
        assertEquals(Set.of(), contract.unobserved());
    }

    @Test
    void valuesAreCheckedDeeply() {
        OpenApiContract contract = OpenApiContract.parse(COMPLETE);
        assertDoesNotThrow(() -> contract.conforms("Model", "{\"task\":\"regression\",\"modelId\":null}"));
        AssertionError type = assertThrows(AssertionError.class, () -> contract.conforms("Model", "{\"task\":1}"));
        assertTrue(type.getMessage().contains("Model.task is a number"), type.getMessage());
        AssertionError element = assertThrows(AssertionError.class, () -> contract.observe("GET /api/v1/models", 200,
                "application/json", "[{\"task\":\"a\"},{\"modelId\":\"m\"}]"));
        assertTrue(element.getMessage().contains("[1] lacks required fields [task]"), element.getMessage());
        assertThrows(AssertionError.class, () -> contract.conforms("Gone", "{}"));
    }

    @Test
    void unobservedOperationsAreListed() {
        OpenApiContract contract = OpenApiContract.parse(COMPLETE);
        contract.observe("GET /api/v1/models", 401, "application/problem+json", "");
        assertEquals(Set.of("PUT /api/v1/models/{modelId}"), contract.unobserved());
    }
}
