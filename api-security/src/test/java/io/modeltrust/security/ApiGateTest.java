package io.modeltrust.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiGateTest {

    private static final ApiGate GATE = new ApiGate(ApiKeyRing.parse(List.of(
            ApiKeyRingTest.entry("ci", "write", "write-key"), ApiKeyRingTest.entry("grafana", "read", "read-key"))));
    private static final ApiPrincipal CI = new ApiPrincipal("ci", Role.WRITE);
    private static final ApiPrincipal GRAFANA = new ApiPrincipal("grafana", Role.READ);

    @Test
    void withoutKeysEverythingIsAllowed() {
        ApiGate off = new ApiGate(ApiKeyRing.empty());
        assertEquals(new ApiGate.Allowed(Optional.empty()), off.decide("POST", "/api/v1/models/m/batches", null));
        assertEquals(new ApiGate.Allowed(Optional.empty()), off.decide("GET", "/api/v1/alerts", "anything"));
    }

    @Test
    void missingAndUnknownKeysAreUnauthenticated() {
        assertEquals(new ApiGate.Unauthenticated(false, Role.READ), GATE.decide("GET", "/api/v1/alerts", null));
        assertEquals(new ApiGate.Unauthenticated(false, Role.WRITE), GATE.decide("POST", "/api/v1/alerts/x/resolve", ""));
        assertEquals(new ApiGate.Unauthenticated(true, Role.READ), GATE.decide("GET", "/api/v1/alerts", "wrong"));
    }

    @Test
    void aReadKeyReadsButDoesNotWrite() {
        assertEquals(new ApiGate.Allowed(Optional.of(GRAFANA)), GATE.decide("GET", "/api/v1/alerts", "read-key"));
        assertEquals(new ApiGate.Forbidden(GRAFANA, Role.WRITE), GATE.decide("PUT", "/api/v1/models/m/alert-rules", "read-key"));
    }

    @Test
    void aWriteKeyDoesBoth() {
        assertEquals(new ApiGate.Allowed(Optional.of(CI)), GATE.decide("GET", "/api/v1/alerts", "write-key"));
        assertEquals(new ApiGate.Allowed(Optional.of(CI)), GATE.decide("POST", "/api/v1/models/m/batches", "write-key"));
    }

    @Test
    void openPathsNeedNoKeyEvenWhenKeysAreOn() {
        assertEquals(new ApiGate.Allowed(Optional.empty()), GATE.decide("GET", "/q/health/ready", null));
        assertEquals(new ApiGate.Allowed(Optional.empty()), GATE.decide("GET", "/js/api.js", "wrong"));
    }
}
