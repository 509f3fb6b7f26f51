package io.modeltrust.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

    @Test
    void readingTheApiNeedsRead() {
        for (String method : new String[]{"GET", "HEAD", "OPTIONS", "get"}) {
            assertEquals(Optional.of(Role.READ), AccessRule.required(method, "/api/v1/alerts"), method);
        }
        assertEquals(Optional.of(Role.READ), AccessRule.required("GET", "/api"));
    }

    @Test
    void everyOtherMethodOnTheApiNeedsWrite() {
        for (String method : new String[]{"POST", "PUT", "DELETE", "PATCH", "TRACE", "WHATEVER", "", null}) {
            assertEquals(Optional.of(Role.WRITE), AccessRule.required(method, "/api/v1/models/credit/batches"), method);
        }
    }

    @Test
    void operationsEndpointsAndTheDashboardNeedNone() {
        for (String path : new String[]{"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/", "/index.html",
                "/js/app.js", "/app.css", "/apix", "/application", "", null}) {
            assertEquals(Optional.empty(), AccessRule.required("GET", path), path);
            assertEquals(Optional.empty(), AccessRule.required("POST", path), path);
        }
    }

    @Test
    void pathTricksStillReachTheApiRule() {
        for (String path : new String[]{"api/v1/alerts", "//api/v1/alerts", "/./api/v1/alerts", "/q/../api/v1/alerts",
                "/js/../../api/v1/alerts", "/api;x=1/v1/alerts", "/API/v1/alerts", "\\api\\v1\\alerts", "/q/health/../../api/v1"}) {
            assertEquals(Optional.of(Role.WRITE), AccessRule.required("POST", path), path);
        }
    }
}
