package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.report.PdfText;
import io.modeltrust.alert.report.store.ReportRuns;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Report schedules through the real database: a run on demand lists a report whose href serves the PDF and
 * sends the link to the webhook channel; periods missed while down are made one by one, and a period is
 * never made twice, even by two replicas' rounds at once; an email channel receives the PDF attached.
 */
@QuarkusTest
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
class ReportScheduleTest {

    @Inject
    DataSource dataSource;
    @Inject
    ReportRuns runs;

    @Test
    void aScheduleRunsOnDemandCatchesUpAndNeverTwice() throws Exception {
        String model = "sched-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ResultSender sender = new ResultSender(); WebhookReceiver receiver = new WebhookReceiver(0, 500)) {
            for (int b = 1; b <= 3; b++) {
                Instant at = now.minus(Duration.ofHours(4 - b));
                sender.send(Results.drift(model, "b" + b, at, b >= 2 ? List.of("amount") : List.of()));
                sender.send(Results.fairness(model, "b" + b, at, 0.45, 0.5));
            }
            Await.value("three batches", Duration.ofSeconds(60), () -> given().get("/api/v1/models/" + model + "/batches")
                    .then().extract().jsonPath(), j -> j.getList("$").size() == 3);
            String channel = given().contentType("application/json").body(Map.of("type", "webhook", "url", receiver.url(),
                    "secret", "s3cret")).post("/api/v1/notification-channels").then().statusCode(201).extract().path("channelId");
            try {
                String id = given().contentType("application/json").body(Map.of("modelId", model, "every", "P1D",
                        "format", "pdf", "channelId", channel)).post("/api/v1/report-schedules").then().statusCode(201)
                        .body("every", equalTo("P1D")).extract().path("scheduleId");
                given().get("/api/v1/report-schedules?modelId=" + model).then().statusCode(200)
                        .body("scheduleId", equalTo(List.of(id)));

                String href = given().post("/api/v1/report-schedules/" + id + "/run").then().statusCode(201)
                        .body("trigger", equalTo("manual")).body("batches", equalTo(3)).extract().path("href");
                JsonPath listed = given().get("/api/v1/models/" + model + "/reports").then().statusCode(200).extract().jsonPath();
                assertEquals(List.of(href), listed.getList("href"));
                byte[] pdf = given().get(href).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
                String text = PdfText.text(pdf);
                assertTrue(text.contains(model) && text.contains("amount"), text);
                WebhookReceiver.Request sent = Await.value("the report's link at the webhook", Duration.ofSeconds(30),
                        () -> receiver.requests().stream().filter(r -> r.body().contains(href)).findFirst().orElse(null),
                        r -> r != null);
                assertTrue(sent.body().contains("\"report\"") && sent.body().contains("http"), sent.body());

                // Down for three days: the four periods that ended meanwhile (the last one now) are made in order, then
                // nothing more.
                Instant first = now.minus(Duration.ofDays(3));
                setNextRun(id, first);
                assertEquals(4, runs.runDue(now));
                assertEquals(0, runs.runDue(now));
                assertEquals(List.of(first.minus(Duration.ofDays(1)), first, first.plus(Duration.ofDays(1)),
                        first.plus(Duration.ofDays(2))), scheduledPeriods(id));
                assertEquals(now.plus(Duration.ofDays(1)), nextRun(id));

                // Two replicas' rounds over the same missed periods: each period is still stored once.
                setNextRun(id, first.minus(Duration.ofDays(1)));
                CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> runs.runDue(now));
                CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> runs.runDue(now));
                assertEquals(1, a.get() + b.get());
                assertEquals(5, scheduledPeriods(id).size());
                assertEquals(6, given().get("/api/v1/models/" + model + "/reports").then().extract().jsonPath().getList("$").size());

                given().delete("/api/v1/report-schedules/" + id).then().statusCode(204);
                given().get("/api/v1/report-schedules/" + id).then().statusCode(404);
                given().post("/api/v1/report-schedules/" + id + "/run").then().statusCode(404);
                given().get(href).then().statusCode(200); // reports outlive their schedule, until the retention
            } finally {
                given().delete("/api/v1/notification-channels/" + channel).then().statusCode(204);
            }
            badInput(model);
        }
    }

    @Test
    void anEmailChannelReceivesTheReportAsAnAttachedPdf() throws Exception {
        String model = "mailrep-" + UUID.randomUUID().toString().substring(0, 8);
        String address = model + "@example.com";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ResultSender sender = new ResultSender()) {
            for (int b = 1; b <= 2; b++) {
                sender.send(Results.drift(model, "b" + b, now.minus(Duration.ofHours(3 - b)), List.of("amount")));
            }
            Await.value("two batches", Duration.ofSeconds(60), () -> given().get("/api/v1/models/" + model + "/batches")
                    .then().extract().jsonPath(), j -> j.getList("$").size() == 2);
        }
        String channel = given().contentType("application/json").body(Map.of("type", "email", "to", address))
                .post("/api/v1/notification-channels").then().statusCode(201).extract().path("channelId");
        try {
            String id = given().contentType("application/json").body(Map.of("modelId", model, "every", "P7D",
                    "format", "pdf", "channelId", channel)).post("/api/v1/report-schedules").then().statusCode(201)
                    .extract().path("scheduleId");
            String href = given().post("/api/v1/report-schedules/" + id + "/run").then().statusCode(201)
                    .extract().path("href");
            SmtpServer.Received mail = Await.value("the report mail", Duration.ofSeconds(30),
                    () -> SmtpServer.mailbox(address).stream().findFirst().orElse(null), m -> m != null);
            assertTrue(mail.subject().contains(model), mail.subject());
            assertTrue(mail.text().contains(href), mail.text());
            assertEquals(1, mail.attachments().size(), mail.attachments().toString());
            SmtpServer.Attachment pdf = mail.attachments().get(0);
            assertTrue(pdf.name().endsWith(".pdf") && pdf.contentType().startsWith("application/pdf"), pdf.name());
            String text = PdfText.text(pdf.data());
            assertTrue(text.contains(model) && text.contains("amount"), text);
            byte[] served = given().get(href).then().statusCode(200).extract().asByteArray();
            assertEquals(PdfText.text(served), text, "the attachment is the report the href serves");
            given().delete("/api/v1/report-schedules/" + id).then().statusCode(204);
        } finally {
            given().delete("/api/v1/notification-channels/" + channel).then().statusCode(204);
        }
    }

    private static void badInput(String model) {
        String url = "/api/v1/report-schedules";
        given().contentType("application/json").body(Map.of("modelId", model, "every", "weekly", "format", "pdf"))
                .post(url).then().statusCode(400).contentType("application/problem+json").body("detail", containsString("ISO-8601"));
        given().contentType("application/json").body(Map.of("modelId", model, "every", "PT5M")).post(url).then().statusCode(400);
        given().contentType("application/json").body(Map.of("modelId", model, "every", "P2Y")).post(url).then().statusCode(400);
        given().contentType("application/json").body(Map.of("modelId", model, "every", "P7D", "format", "docx"))
                .post(url).then().statusCode(400);
        given().contentType("application/json").body(Map.of("modelId", model, "every", "P7D", "channelId", "nope"))
                .post(url).then().statusCode(400).body("detail", containsString("nope"));
        given().contentType("application/json").body(Map.of("modelId", "unknown-" + model, "every", "P7D"))
                .post(url).then().statusCode(404);
        given().get("/api/v1/reports/not-a-report").then().statusCode(404);
        given().get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    private void setNextRun(String id, Instant t) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE report_schedules SET next_run_at = ? WHERE schedule_id = ?::uuid")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(t));
            ps.setString(2, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private Instant nextRun(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT next_run_at FROM report_schedules WHERE schedule_id = ?::uuid")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    /** The starts of the periods the schedule made, oldest first. */
    private List<Instant> scheduledPeriods(String id) throws Exception {
        List<Instant> out = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT period_from FROM "
                + "reports WHERE schedule_id = ?::uuid AND run_trigger = 'schedule' ORDER BY period_to")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getTimestamp(1).toInstant());
                }
            }
        }
        return out;
    }
}
