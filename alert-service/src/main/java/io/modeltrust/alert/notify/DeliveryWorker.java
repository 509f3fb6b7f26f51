package io.modeltrust.alert.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.history.Jdbc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends queued webhook deliveries on its own thread, a round of due ones in parallel, and records
 * each attempt. A failure is retried after 1×, 2×, 4×… the initial backoff until the attempts run
 * out; the result pipeline never waits for any of it.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int ROUND = 20;

    @Inject
    DataSource dataSource;

    @Inject
    AlertConfig config;

    @Inject
    MeterRegistry registry;

    private HttpClient http;
    private BackgroundLoop loop;

    void start(@Observes StartupEvent ev) {
        http = HttpClient.newBuilder().connectTimeout(config.webhook().timeout()).build();
        loop = new BackgroundLoop("webhook-delivery", this::round, config.webhook().pollInterval());
        if (config.webhook().enabled()) {
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (loop != null) {
            loop.stop();
        }
    }

    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    private record Due(long id, String channelId, String eventId, String body, int attempts, String url, String secret) {
    }

    private record Outcome(Due due, int status, String error) {
        boolean delivered() {
            return error == null && status >= 200 && status < 300;
        }
    }

    private Duration round() {
        List<Due> due = Jdbc.call(this::due);
        List<CompletableFuture<Outcome>> sends = new ArrayList<>(due.size());
        for (Due d : due) {
            sends.add(send(d));
        }
        for (CompletableFuture<Outcome> f : sends) {
            Jdbc.call(() -> record(f.join()));
        }
        if (due.size() == ROUND) {
            return Duration.ZERO;
        }
        Instant next = Jdbc.call(this::nextDue);
        Duration poll = config.webhook().pollInterval();
        if (next == null) {
            return poll;
        }
        Duration untilNext = Duration.between(Instant.now(), next);
        return untilNext.isNegative() || untilNext.isZero() ? Duration.ofMillis(1)
                : (untilNext.compareTo(poll) < 0 ? untilNext : poll);
    }

    private CompletableFuture<Outcome> send(Due d) {
        if (d.url() == null) {
            return CompletableFuture.completedFuture(new Outcome(d, 0, "channel no longer configured"));
        }
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(config.webhook().timeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSigner.HEADER, WebhookSigner.sign(d.secret(), body))
                    .header("X-Alert-Event-Id", d.eventId())
                    .header("X-Delivery-Id", Long.toString(d.id()))
                    .header("X-Delivery-Attempt", Integer.toString(d.attempts() + 1))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(d, 0, "bad url: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> new Outcome(d, r.statusCode(), null))
                .exceptionally(t -> new Outcome(d, 0, t.getCause() == null ? t.toString() : t.getCause().toString()));
    }

    private List<Due> due() throws SQLException {
        List<Due> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT d.id, d.channel_id, d.event_id, d.body, d.attempts, c.url, c.secret
                     FROM webhook_deliveries d LEFT JOIN notification_channels c ON c.id = d.channel_id
                     WHERE d.status = 'pending' AND d.next_attempt_at <= now()
                     ORDER BY d.next_attempt_at, d.id LIMIT %d""".formatted(ROUND));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7)));
            }
        }
        return out;
    }

    private Instant nextDue() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT min(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'");
             ResultSet rs = ps.executeQuery()) {
            Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
            return t == null ? null : t.toInstant();
        }
    }

    private Void record(Outcome o) throws SQLException {
        int attempts = o.due().attempts() + 1;
        String status;
        Instant next = Instant.now();
        boolean gone = o.due().url() == null;
        if (o.delivered()) {
            status = "delivered";
        } else if (gone || attempts >= config.webhook().maxAttempts()) {
            status = "failed";
        } else {
            status = "pending";
            next = next.plus(backoff(attempts));
        }
        String outcome = o.delivered() ? "delivered" : ("failed".equals(status) ? "failed" : "retry");
        registry.counter("alert.webhook.deliveries", "channel", o.due().channelId(), "outcome", outcome).increment();
        if (!o.delivered()) {
            registry.counter("alert.webhook.failures", "channel", o.due().channelId()).increment();
            LOG.infof("webhook %s delivery %d attempt %d failed (%s); %s", o.due().channelId(), o.due().id(), attempts,
                    o.error() != null ? o.error() : "HTTP " + o.status(), "failed".equals(status) ? "giving up" : "will retry");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,
                       last_error = ?, updated_at = now(), delivered_at = CASE WHEN ? THEN now() ELSE delivered_at END
                     WHERE id = ?""")) {
            ps.setString(1, status);
            ps.setInt(2, attempts);
            Jdbc.setInstant(ps, 3, next);
            if (o.status() > 0) {
                ps.setInt(4, o.status());
            } else {
                ps.setNull(4, java.sql.Types.INTEGER);
            }
            ps.setString(5, o.delivered() ? null : (o.error() != null ? o.error() : "HTTP " + o.status()));
            ps.setBoolean(6, o.delivered());
            ps.setLong(7, o.due().id());
            ps.executeUpdate();
        }
        return null;
    }

    /** 1×, 2×, 4×… the initial backoff after the 1st, 2nd, 3rd… failed attempt, capped. */
    Duration backoff(int failedAttempts) {
        Duration d = config.webhook().initialBackoff().multipliedBy(1L << Math.min(20, failedAttempts - 1));
        Duration max = config.webhook().maxBackoff();
        return d.compareTo(max) > 0 ? max : d;
    }
}
