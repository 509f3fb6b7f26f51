package io.modeltrust.alert.rest;

import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.notify.ChannelStore;
import io.modeltrust.alert.notify.ChannelValidator;
import io.modeltrust.alert.notify.DeliveryQueries;
import io.modeltrust.alert.notify.NotificationChannel;
import io.modeltrust.alert.notify.UrlSecrets;
import io.modeltrust.alert.notify.WebhookTargets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook channels and their delivery status. Secrets are write-only: answers mask them, and the URL's credentials. */
@Path("/api/v1/notification-channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class ChannelResource {

    @Inject
    DataSource dataSource;
    @Inject
    ChannelStore channels;
    @Inject
    DeliveryQueries deliveries;
    @Inject
    WebhookTargets targets;

    @GET
    @Operation(summary = "The webhook channels (secrets, URL user info and secret query parameters masked as ***)")
    public List<NotificationChannel> list() {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return channels.list(c).stream().map(ChannelResource::masked).toList();
            }
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the channel list [{id, url, secret, minSeverity, enabled}]; a channel sent without a "
            + "secret (or with the mask ***) keeps its stored one, and a URL with *** for its credentials keeps the "
            + "stored ones. Deliveries: POST of {\"text\", \"alert\"} with "
            + "X-Signature-256: sha256=<hex HMAC-SHA256 of the body with the channel's secret>")
    public List<NotificationChannel> replace(List<NotificationChannel> input) {
        List<NotificationChannel> saved = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Map<String, NotificationChannel> stored = new HashMap<>();
                channels.list(c).forEach(ch -> stored.put(ch.id(), ch));
                ChannelValidator.Result result = ChannelValidator.validate(input, stored, targets::refusal);
                if (!result.errors().isEmpty()) {
                    throw new ApiProblem(400, "Invalid notification channels", result.errors().size() + " problem(s)",
                            result.errors().stream().map(e -> new ApiProblem.FieldError(
                                    e.index() < 0 ? null : (long) e.index() + 1, e.field(), e.message())).toList());
                }
                channels.replace(c, result.channels(), Instant.now());
                return result.channels();
            }
        }));
        return saved.stream().map(ChannelResource::masked).toList();
    }

    @GET
    @Path("deliveries")
    @Operation(summary = "Webhook deliveries newest first: status pending, delivered or failed, attempts, last error")
    public List<DeliveryQueries.Delivery> deliveries(@QueryParam("channelId") String channelId,
                                                     @QueryParam("status") String status,
                                                     @QueryParam("alertId") String alertId,
                                                     @QueryParam("limit") Integer limit,
                                                     @QueryParam("offset") Integer offset) {
        return deliveries.list(channelId, Params.oneOf("status", status, "pending", "delivered", "failed"),
                alertId == null ? null : AlertResource.id(alertId), Params.limit(limit, 100, 1000), Params.offset(offset));
    }

    private static NotificationChannel masked(NotificationChannel ch) {
        return new NotificationChannel(ch.id(), UrlSecrets.mask(ch.url()), ChannelValidator.MASK, ch.minSeverity(),
                ch.enabled());
    }
}
