package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** GET/PUT of alert rules: defaults, validation as problem+json, and rules taking effect on the next result. */
@QuarkusTest
class RulesApiTest {

    @Test
    void defaultsThenValidatedReplacement() {
        String m = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        given().get("/api/v1/models/" + m + "/alert-rules").then().statusCode(200)
                .body("source", equalTo("default")).body("rules", hasSize(io.modeltrust.alert.rules.DefaultRules.rules().size()))
                .body("rules.id", hasItem("retraining.accuracy"))
                .body("rules.find { it.id == 'drift.features' }.group", equalTo("batch"))
                .body("rules.find { it.id == 'retraining.drift' }.persistence.batches", equalTo(3));

        given().contentType("application/json").body("""
                [{"id": "share", "path": "drift.driftShare", "comparator": ">=", "threshold": 0.2, "severity": "critical",
                  "persistence": {"duration": "PT2H"}, "cooldown": "PT1H"},
                 {"id": "female-rate", "path": "fairness.sex.groups.female.selectionRate", "comparator": "<", "threshold": 0.4}]
                """).put("/api/v1/models/" + m + "/alert-rules").then().statusCode(200)
                .body("version", equalTo(1)).body("source", equalTo("stored"))
                .body("rules[0].comparator", equalTo("gte")).body("rules[0].kind", equalTo("drift"))
                .body("rules[0].persistence.duration", equalTo("PT2H")).body("rules[1].severity", equalTo("warning"));
        given().get("/api/v1/models/" + m + "/alert-rules").then().body("rules", hasSize(2)).body("version", equalTo(1));
    }

    @Inject
    DataSource dataSource;

    @Test
    void aDefaultSetNobodyChangedFollowsTheNewDefaultsAndAPersonsSetIsKept() throws Exception {
        String untouched = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        String edited = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        // Stored as an earlier release stored its defaults: the 80% rule on the attribute ratio, no significance.
        String old = "[{\"id\":\"fairness.disparate-impact\",\"path\":\"fairness.*.demographicParityRatio\","
                + "\"comparator\":\"lt\",\"threshold\":0.8,\"severity\":\"critical\"}]";
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("INSERT INTO rule_sets (model_id, version, "
                + "rules_json, updated_at, updated_by) VALUES (?, 1, ?, now(), ?)")) {
            ps.setString(1, untouched);
            ps.setString(2, old);
            ps.setString(3, "system");
            ps.addBatch();
            ps.setString(1, edited);
            ps.setString(2, old);
            ps.setString(3, "ana");
            ps.addBatch();
            ps.executeBatch();
        }
        try (ResultSender sender = new ResultSender()) {
            Instant at = Instant.parse("2026-11-21T00:00:00Z");
            sender.send(Results.fairness(untouched, "b1", at, 0.45, 0.3));
            sender.send(Results.fairness(edited, "b1", at, 0.45, 0.3));
        }
        Await.until("the untouched set follows the defaults", Duration.ofSeconds(60), () -> given()
                .get("/api/v1/models/" + untouched + "/alert-rules").then().extract().jsonPath().getInt("version") == 2);
        given().get("/api/v1/models/" + untouched + "/alert-rules").then().body("rules", hasSize(io.modeltrust.alert.rules.DefaultRules.rules().size()))
                .body("rules.find { it.id == 'fairness.disparate-impact' }.path",
                        equalTo("fairness.*.groups.*.disparateImpactRatio"));
        Await.until("the edited model's result is in", Duration.ofSeconds(60), () -> given()
                .get("/api/v1/models/" + edited + "/batches").then().extract().statusCode() == 200);
        given().get("/api/v1/models/" + edited + "/alert-rules").then().body("version", equalTo(1)).body("rules", hasSize(1))
                .body("rules[0].path", equalTo("fairness.*.demographicParityRatio"));
    }

    @Test
    void unknownPathOrComparatorIs400ProblemJson() {
        String m = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("""
                {"rules": [{"id": "a", "path": "drift.features.*.flux", "comparator": "lt", "threshold": 1},
                           {"id": "b", "path": "drift.driftShare", "comparator": "about", "threshold": 1}]}
                """).put("/api/v1/models/" + m + "/alert-rules").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Invalid alert rules"))
                .body("errors", hasSize(2)).body("errors[0].row", equalTo(1)).body("errors[0].column", equalTo("path"))
                .body("errors[1].row", equalTo(2)).body("errors[1].column", equalTo("comparator"))
                .body("totalErrors", equalTo(2));
        given().contentType("application/json").body("{\"rules\": 3}").put("/api/v1/models/" + m + "/alert-rules")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("[{\"id\": ").put("/api/v1/models/" + m + "/alert-rules")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/models/NOT_VALID/alert-rules").then().statusCode(400);
    }

    @Test
    void storedRulesDriveEvaluationAndRemovedRulesResolveTheirAlerts() {
        String m = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("""
                [{"id": "income-psi", "path": "drift.features.income.psi", "comparator": "gt", "threshold": 0.2,
                  "severity": "critical"}]""").put("/api/v1/models/" + m + "/alert-rules").then().statusCode(200);
        try (ResultSender sender = new ResultSender()) {
            Instant t = Instant.parse("2026-11-21T00:00:00Z");
            sender.send(Results.drift(m, "b1", t, List.of("income", "age", "purpose")));
        }
        Await.until("the income-psi alert", Duration.ofSeconds(60),
                () -> given().get("/api/v1/alerts?modelId=" + m).jsonPath().getList("").size() == 1);
        given().get("/api/v1/alerts?modelId=" + m).then().body("[0].rule", equalTo("income-psi"))
                .body("[0].subject", equalTo("income")).body("[0].severity", equalTo("critical"))
                .body("[0].explanation", equalTo("The distribution of income shifted: mean 41,200 → 48,900."));
        given().contentType("application/json").header("X-User", "carla").body("[]")
                .put("/api/v1/models/" + m + "/alert-rules").then().statusCode(200).body("version", equalTo(2));
        given().get("/api/v1/alerts?modelId=" + m).then().body("[0].status", equalTo("resolved"))
                .body("[0].resolvedBy", equalTo("carla")).body("[0].resolveReason", equalTo("rule removed"));
    }

    @Test
    void durationsBeyondTheBoundsAre400NamingTheField() {
        String m = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("""
                [{"id": "a", "path": "drift.driftShare", "comparator": "gt", "threshold": 0.3, "cooldown": "P366D"},
                 {"id": "b", "path": "drift.driftShare", "comparator": "gt", "threshold": 0.3, "cooldown": "-PT1H"},
                 {"id": "c", "path": "drift.driftShare", "comparator": "gt", "threshold": 0.3,
                  "persistence": {"duration": "PT9223372036854775807S"}},
                 {"id": "d", "path": "drift.driftShare", "comparator": "gt", "threshold": 0.3,
                  "persistence": {"duration": "P99999999999999999D"}}]""")
                .put("/api/v1/models/" + m + "/alert-rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.row", equalTo(List.of(1, 2, 3, 4)))
                .body("errors.column", equalTo(List.of("cooldown", "cooldown", "persistence.duration", "persistence.duration")))
                .body("errors[0].message", equalTo("'P366D' is longer than the maximum P365D"));
        given().contentType("application/json").body("""
                [{"id": "a", "path": "drift.driftShare", "comparator": "gt", "threshold": 0.3, "cooldown": "P365D",
                  "persistence": {"duration": "P365D"}}]""")
                .put("/api/v1/models/" + m + "/alert-rules").then().statusCode(200);
    }

    /** A rule stored before the bounds (here straight into the table) counts as the maximum instead of failing results. */
    @Test
    void aStoredRuleBeyondTheBoundsStillLetsResultsThrough() throws Exception {
        String m = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO rule_sets (model_id, version, rules_json, updated_at, updated_by) VALUES (?, 1, ?, now(), 'old')")) {
            ps.setString(1, m);
            ps.setString(2, """
                    [{"id": "income-psi", "path": "drift.features.income.psi", "comparator": "gt", "threshold": 0.2,
                      "severity": "critical", "cooldown": "PT9223372036854775807S"}]""");
            ps.executeUpdate();
        }
        try (ResultSender sender = new ResultSender()) {
            sender.send(Results.drift(m, "b1", Instant.parse("2026-11-21T00:00:00Z"), List.of("income")));
        }
        Await.until("the income-psi alert", Duration.ofSeconds(60),
                () -> given().get("/api/v1/alerts?modelId=" + m).jsonPath().getList("").size() == 1);
        given().get("/api/v1/models/" + m + "/alert-rules").then().body("rules[0].cooldown", equalTo("P365D"));
    }
}
