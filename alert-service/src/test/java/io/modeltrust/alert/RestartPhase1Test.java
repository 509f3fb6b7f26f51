package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * First life of the restart test (see {@link RestartPhase2Test}): results are stored and alerts
 * opened, but their events stay in the outbox; two more results are sent as the service stops.
 */
@QuarkusTest
@TestProfile(RestartProfiles.FirstLife.class)
class RestartPhase1Test {

    static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void firstLifeStopsMidStream() {
        String m = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TopicProbe results = new TopicProbe(ResultSender.TOPIC); TopicProbe alerts = new TopicProbe("monitoring.alerts");
             ResultSender sender = new ResultSender()) {
            System.setProperty(RestartProfiles.BOOTSTRAP, bootstrap);
            System.setProperty(RestartProfiles.RESULTS_FROM, RestartProfiles.encode(results.endOffsets()));
            var alertsFrom = alerts.endOffsets();
            System.setProperty(RestartProfiles.ALERTS_FROM, RestartProfiles.encode(alertsFrom));
            System.setProperty(RestartProfiles.MODEL, m);

            for (int b = 1; b <= 3; b++) {
                sender.send(Results.drift(m, "b" + b, T0.plusSeconds(3600L * b), List.of("income", "age")));
            }
            Await.until("the retraining recommendation", Duration.ofSeconds(60), () -> given()
                    .get("/api/v1/alerts?modelId=" + m + "&rule=retraining.drift&status=open").jsonPath().getList("").size() == 1);
            assertEquals(0, alerts.read(alertsFrom, m, r -> true, Duration.ofSeconds(10)).size(),
                    "events wait in the outbox");
            for (int b = 4; b <= 5; b++) {
                sender.send(Results.drift(m, "b" + b, T0.plusSeconds(3600L * b), List.of()));
            }
        }
    }
}
