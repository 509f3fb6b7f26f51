package io.modeltrust.alert.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * One attempt of one email delivery, on the calling thread: the queued subject and plain text sent to
 * the channel's addresses as they are now, through the SMTP server of quarkus.mailer.*, awaited for at
 * most twice alert.webhook.timeout like a webhook. A permanent SMTP refusal (5xx) is not retried.
 */
final class EmailSender {

    /** What is sent: the queued body ({@code {"subject", "text"}}, optionally an {@code attachment}) and the channel's addresses. */
    record Attempt(long deliveryId, String eventId, String body, List<String> to) {
    }

    private final ReactiveMailer mailer;
    private final Duration deadline;

    EmailSender(ReactiveMailer mailer, Duration timeout) {
        this.mailer = mailer;
        this.deadline = timeout.multipliedBy(2);
    }

    Outcome send(Attempt a) {
        if (a.to() == null || a.to().isEmpty()) {
            return Outcome.failed(0, "channel no longer configured", true);
        }
        JsonNode body = Json.fromString(a.body(), JsonNode.class);
        Mail mail = new Mail().setTo(List.copyOf(a.to())).setSubject(body.path("subject").asText())
                .setText(body.path("text").asText())
                .addHeader("X-Alert-Event-Id", a.eventId())
                .addHeader("X-Delivery-Id", Long.toString(a.deliveryId()));
        JsonNode attachment = body.path("attachment");
        if (attachment.isObject()) {
            // A scheduled report's PDF (io.modeltrust.alert.report.store.ReportRuns) travels in the queued body.
            mail.addAttachment(attachment.path("name").asText("report.pdf"),
                    java.util.Base64.getDecoder().decode(attachment.path("base64").asText()),
                    attachment.path("contentType").asText("application/pdf"));
        }
        try {
            mailer.send(mail).await().atMost(deadline);
            return Outcome.sent();
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return Outcome.failed(0, "the mail server did not take the message within " + deadline, false);
        } catch (RuntimeException e) {
            SMTPException smtp = cause(e);
            if (smtp != null) {
                return Outcome.failed(smtp.getReplyCode(), "SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage(),
                        smtp.isPermanent());
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return Outcome.failed(0, cause.toString(), false);
        }
    }

    private static SMTPException cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SMTPException s) {
                return s;
            }
        }
        return null;
    }
}
