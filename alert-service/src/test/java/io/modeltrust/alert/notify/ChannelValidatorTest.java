package io.modeltrust.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.rules.Severity;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What a channel must say to be stored, each problem named by its field; and what a valid one becomes. */
class ChannelValidatorTest {

    private static final Function<URI, String> ANY_TARGET = u -> null;

    private static ChannelSpec webhook(String url, String secret, ChannelSpec.Filter filter) {
        return new ChannelSpec(null, null, "webhook", url, secret, null, null, filter, null);
    }

    private static ChannelSpec email(List<String> to, ChannelSpec.Filter filter) {
        return new ChannelSpec(null, null, "email", null, null, to, null, filter, null);
    }

    private static List<String> fields(ChannelValidator.Result r) {
        return r.errors().stream().map(ChannelValidator.ChannelError::field).toList();
    }

    private static ChannelValidator.Result one(ChannelSpec spec) {
        return ChannelValidator.validateOne(spec, "c1", null, ANY_TARGET);
    }

    @Test
    void aWebhookWithAFilterBecomesAChannel() {
        ChannelValidator.Result r = one(webhook("https://hooks.example.com/x", "s3cret",
                new ChannelSpec.Filter(List.of("credit", "credit", "churn"), "WARNING", List.of("drift", "fairness"))));
        assertEquals(List.of(), r.errors());
        NotificationChannel ch = r.channels().get(0);
        assertEquals("c1", ch.id());
        assertEquals(ChannelType.WEBHOOK, ch.type());
        assertEquals(List.of("credit", "churn"), ch.filter().modelIds(), "duplicates dropped, order kept");
        assertEquals(Severity.WARNING, ch.filter().minSeverity());
        assertEquals(List.of("drift", "fairness"), ch.filter().kinds());
        assertTrue(ch.enabled());
    }

    @Test
    void anEmailChannelTakesOneOrMoreAddresses() {
        ChannelValidator.Result r = one(email(List.of(" ops@example.com", "ml-team+alerts@mail.example.org", "root@localhost"), null));
        assertEquals(List.of(), r.errors());
        NotificationChannel ch = r.channels().get(0);
        assertEquals(ChannelType.EMAIL, ch.type());
        assertEquals(List.of("ops@example.com", "ml-team+alerts@mail.example.org", "root@localhost"), ch.to());
        assertEquals(ChannelFilter.ALL, ch.filter());
        assertEquals(null, ch.url());
        assertEquals(null, ch.secret());
    }

    @Test
    void eachProblemIsNamedByItsField() {
        assertEquals(List.of("type"), fields(one(new ChannelSpec(null, null, "sms", null, null, null, null, null, null))));
        assertEquals(List.of("url", "secret"), fields(one(webhook(null, null, null))));
        assertEquals(List.of("url"), fields(one(webhook("ftp://example.com/x", "s", null))));
        assertEquals(List.of("to"), fields(one(email(null, null))));
        assertEquals(List.of("to"), fields(one(email(List.of(), null))));
        assertEquals(List.of("to", "to"), fields(one(email(List.of("not-an-email", "a@b@c"), null))));
        assertEquals(List.of("url"), fields(one(new ChannelSpec(null, null, "email", "https://x.example", null,
                List.of("a@example.com"), null, null, null))));
        assertEquals(List.of("to"), fields(one(new ChannelSpec(null, null, "webhook", "https://x.example", "s",
                List.of("a@example.com"), null, null, null))));
        assertEquals(List.of("filter.minSeverity"), fields(one(webhook("https://x.example", "s",
                new ChannelSpec.Filter(null, "loud", null)))));
        assertEquals(List.of("filter.kinds"), fields(one(webhook("https://x.example", "s",
                new ChannelSpec.Filter(null, null, List.of("drift", "weather"))))));
        assertEquals(List.of("filter.modelIds"), fields(one(webhook("https://x.example", "s",
                new ChannelSpec.Filter(List.of("Credit Model"), null, null)))));
        assertEquals(List.of("minSeverity"), fields(one(new ChannelSpec(null, null, "webhook", "https://x.example", "s",
                null, "critical", new ChannelSpec.Filter(null, "info", null), null))));
        assertEquals(List.of("channel"), fields(one(null)));
    }

    @Test
    void theIdIsThePathsOrTheServices() {
        ChannelSpec named = new ChannelSpec(null, "mine", "email", null, null, List.of("a@example.com"), null, null, null);
        assertEquals(List.of("channelId"), fields(ChannelValidator.validateOne(named, "generated", null, ANY_TARGET)));
        NotificationChannel stored = NotificationChannel.email("mine", List.of("b@example.com"), null, true);
        assertEquals(List.of(), ChannelValidator.validateOne(named, "mine", stored, ANY_TARGET).errors());
    }

    @Test
    void aMaskedSecretKeepsTheStoredOneOfAWebhookOnly() {
        NotificationChannel stored = NotificationChannel.webhook("c1", "https://u:p@x.example/h?token=t", "kept", null, true);
        ChannelValidator.Result r = ChannelValidator.validateOne(webhook("https://***@x.example/h?token=***", "***", null),
                "c1", stored, ANY_TARGET);
        assertEquals(List.of(), r.errors());
        assertEquals("kept", r.channels().get(0).secret());
        assertEquals("https://u:p@x.example/h?token=t", r.channels().get(0).url());
        NotificationChannel wasEmail = NotificationChannel.email("c1", List.of("a@example.com"), null, true);
        assertEquals(List.of("secret"), fields(ChannelValidator.validateOne(webhook("https://x.example/h", "***", null),
                "c1", wasEmail, ANY_TARGET)));
    }

    @Test
    void theBulkListKeepsItsShapeAndAddsTheNewFields() {
        ChannelValidator.Result r = ChannelValidator.validate(List.of(
                new ChannelSpec("hook", null, null, "https://x.example/h", "s", null, "critical", null, false),
                new ChannelSpec("mail", null, "email", null, null, List.of("a@example.com"), null,
                        new ChannelSpec.Filter(List.of("credit"), null, null), null)), Map.of(), ANY_TARGET);
        assertEquals(List.of(), r.errors());
        assertEquals(Severity.CRITICAL, r.channels().get(0).filter().minSeverity());
        assertFalse(r.channels().get(0).enabled());
        assertEquals(List.of("credit"), r.channels().get(1).filter().modelIds());
        assertEquals(List.of("id"), fields(ChannelValidator.validate(List.of(
                new ChannelSpec("deliveries", null, "email", null, null, List.of("a@example.com"), null, null, null)),
                Map.of(), ANY_TARGET)));
    }

    @Test
    void emailAddresses() {
        for (String ok : List.of("a@example.com", "first.last@sub.example.co.uk", "x+tag@example.com", "root@localhost")) {
            assertTrue(EmailAddress.valid(ok), ok);
        }
        for (String bad : List.of("", "plain", "@example.com", "a@", "a@b@c.com", "a..b@example.com", ".a@example.com",
                "a@-example.com", "a@example..com", "a@example.com.", "Ops <ops@example.com>", "a b@example.com",
                "a@example.com\r\nBcc: evil@example.com", "\"q\"@example.com")) {
            assertFalse(EmailAddress.valid(bad), bad);
        }
    }

    @Test
    void aFilterPassesTheAlertsOfItsModelsSeveritiesAndKinds() {
        ChannelFilter f = new ChannelFilter(List.of("a"), Severity.WARNING, List.of("drift"));
        assertTrue(f.matches("a", Severity.WARNING, "drift"));
        assertTrue(f.matches("a", Severity.CRITICAL, "drift"));
        assertFalse(f.matches("b", Severity.CRITICAL, "drift"), "another model");
        assertFalse(f.matches("a", Severity.INFO, "drift"), "below minSeverity");
        assertFalse(f.matches("a", Severity.CRITICAL, "fairness"), "another kind");
        assertTrue(ChannelFilter.ALL.matches("anything", Severity.INFO, "retraining"), "empty lists: every model and kind");
    }
}
