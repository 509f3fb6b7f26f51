package io.modeltrust.alert.rest;

import io.modeltrust.security.ApiProblem;

import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.notify.ChannelSpec;
import io.modeltrust.alert.notify.ChannelStore;
import io.modeltrust.alert.notify.ChannelType;
import io.modeltrust.alert.notify.ChannelValidator;
import io.modeltrust.alert.notify.DeliveryQueries;
import io.modeltrust.alert.notify.NotificationChannel;
import io.modeltrust.alert.notify.UrlSecrets;
import io.modeltrust.alert.notify.WebhookTargets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Notification channels (webhook and email) and their delivery status: the whole list at once, or one
 * channel by id. Both work on one table: the bulk PUT replaces every channel, those added one at a time
 * too. Secrets are write-only: answers mask them, and the URL's credentials.
 */
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
    @APIResponse(responseCode = "200", description = "Every channel")
    @Operation(summary = "Every channel, in list order, named by id (secrets, URL user info and secret query parameters masked as ***)")
    public List<ChannelSpec> list() {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return channels.list(c).stream().map(ChannelResource::listed).toList();
            }
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The channels as stored")
    @APIResponse(responseCode = "400", description = "Invalid channels: one errors entry per field (row is the channel's position)")
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @Operation(summary = "Replace every channel (those added by POST too) with the list [{id, type, url, secret, to, "
            + "minSeverity, filter, enabled}]; a webhook sent without a secret (or with the mask ***) keeps its stored one, "
            + "and a URL with *** for its credentials keeps the stored ones. Webhook deliveries: POST of "
            + "{\"text\", \"dashboardUrl\", \"alert\"} with X-Signature-256: sha256=<hex HMAC-SHA256 of the body with the channel's secret>")
    public List<ChannelSpec> replace(List<ChannelSpec> input) {
        List<NotificationChannel> saved = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                channels.lockForReplace(c);
                Map<String, NotificationChannel> stored = new HashMap<>();
                channels.list(c).forEach(ch -> stored.put(ch.id(), ch));
                ChannelValidator.Result result = ChannelValidator.validate(input, stored, targets::refusal);
                refuse(result, "Invalid notification channels");
                channels.replace(c, result.channels(), Instant.now());
                return result.channels();
            }
        }));
        return saved.stream().map(ChannelResource::listed).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The channel as stored, with its channelId; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelSpec.class)))
    @APIResponse(responseCode = "400", description = "An invalid channel: one errors entry per field")
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @Operation(summary = "Add a channel {type: webhook, url, secret, filter: {modelIds, minSeverity, kinds}, enabled} or "
            + "{type: email, to: [addresses], filter, enabled}; 201 with its channelId")
    public Response create(ChannelSpec input) {
        String id = UUID.randomUUID().toString();
        NotificationChannel saved = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                ChannelValidator.Result result = ChannelValidator.validateOne(input, id, null, targets::refusal);
                refuse(result, "Invalid notification channel");
                channels.insert(c, result.channels().get(0), Instant.now());
                return result.channels().get(0);
            }
        }));
        return Response.created(URI.create("/api/v1/notification-channels/" + id)).entity(single(saved)).build();
    }

    @GET
    @Path("{channelId}")
    @APIResponse(responseCode = "200", description = "The channel")
    @APIResponse(responseCode = "404", description = "No channel of that id")
    @Operation(summary = "One channel, secrets masked; 404 when there is none of that id")
    public ChannelSpec get(@PathParam("channelId") String channelId) {
        NotificationChannel ch = Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return channels.find(c, channelId, false);
            }
        });
        if (ch == null) {
            throw notFound(channelId);
        }
        return single(ch);
    }

    @PUT
    @Path("{channelId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The channel as stored")
    @APIResponse(responseCode = "400", description = "An invalid channel: one errors entry per field")
    @APIResponse(responseCode = "404", description = "No channel of that id")
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @Operation(summary = "Replace one channel's settings, as POST takes them; a webhook sent without a secret (or with "
            + "the mask) keeps its stored one; 404 when there is none of that id")
    public ChannelSpec update(@PathParam("channelId") String channelId, ChannelSpec input) {
        NotificationChannel saved = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                NotificationChannel stored = channels.find(c, channelId, true);
                if (stored == null) {
                    throw notFound(channelId);
                }
                ChannelValidator.Result result = ChannelValidator.validateOne(input, channelId, stored, targets::refusal);
                refuse(result, "Invalid notification channel");
                channels.update(c, result.channels().get(0), Instant.now());
                return result.channels().get(0);
            }
        }));
        return single(saved);
    }

    @DELETE
    @Path("{channelId}")
    @APIResponse(responseCode = "204", description = "Deleted, or there was none")
    @Operation(summary = "Delete a channel (idempotent: 204 whether or not it existed); its pending deliveries fail")
    public Response delete(@PathParam("channelId") String channelId) {
        QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return channels.delete(c, channelId);
            }
        }));
        return Response.noContent().build();
    }

    @GET
    @Path("deliveries")
    @APIResponse(responseCode = "200", description = "Deliveries, newest first")
    @APIResponse(responseCode = "400", description = "A query parameter that is out of range or not one of its values, or a modelId that is no model id")
    @Operation(summary = "Deliveries newest first: status pending, delivered or failed; suppressed (a duplicate of a rule "
            + "and batch already notified), held (over the hourly limit, waiting for the digest) or digested (listed in "
            + "digest digestId); attempts, last error")
    public List<DeliveryQueries.Delivery> deliveries(@QueryParam("channelId") String channelId,
                                                     @QueryParam("status") String status,
                                                     @QueryParam("alertId") String alertId,
                                                     @QueryParam("limit") Integer limit,
                                                     @QueryParam("offset") Integer offset) {
        return deliveries.list(channelId, Params.oneOf("status", status, DeliveryQueries.STATUSES),
                alertId == null ? null : AlertResource.id(alertId), Params.limit(limit, 100, 1000), Params.offset(offset));
    }

    private static void refuse(ChannelValidator.Result result, String title) {
        if (!result.errors().isEmpty()) {
            throw new ApiProblem(400, title, result.errors().size() + " problem(s)",
                    result.errors().stream().map(e -> new ApiProblem.FieldError(
                            e.index() < 0 ? null : (long) e.index() + 1, e.field(), e.message())).toList());
        }
    }

    private static ApiProblem notFound(String channelId) {
        return ApiProblem.notFound("no notification channel " + URLEncoder.encode(channelId, StandardCharsets.UTF_8));
    }

    /** As the bulk list shows it: named by id, minSeverity at the top as before filters, and in the filter. */
    private static ChannelSpec listed(NotificationChannel ch) {
        ChannelSpec s = single(ch);
        return new ChannelSpec(ch.id(), null, s.type(), s.url(), s.secret(), s.to(), s.filter().minSeverity(), s.filter(),
                s.enabled());
    }

    /** As one channel alone is shown: named by channelId. */
    private static ChannelSpec single(NotificationChannel ch) {
        boolean webhook = ch.type() == ChannelType.WEBHOOK;
        ChannelSpec.Filter filter = new ChannelSpec.Filter(ch.filter().modelIds(), ch.filter().minSeverity().id(),
                ch.filter().kinds());
        return new ChannelSpec(null, ch.id(), ch.type().id(), webhook ? UrlSecrets.mask(ch.url()) : null,
                webhook ? ChannelValidator.MASK : null, webhook ? null : ch.to(), null, filter, ch.enabled());
    }
}
