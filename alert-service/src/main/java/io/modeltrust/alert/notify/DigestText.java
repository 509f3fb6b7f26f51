package io.modeltrust.alert.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.model.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The body of a digest delivery, from the bodies of the notifications it lists (as they were queued):
 * for a webhook {@code {"text", "dashboardUrl", "digest": {modelId, from, to, count, alerts[]}}} with
 * each listed notification's Slack text on a line of its own; for email a subject and a plain-text body.
 */
public final class DigestText {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final UnaryOperator<String> modelPage;

    /** @param modelPage the dashboard's absolute URL of a model's page */
    public DigestText(UnaryOperator<String> modelPage) {
        this.modelPage = modelPage;
    }

    public String body(ChannelType medium, String modelId, Instant from, Instant to, List<String> items) {
        String period = HOUR.format(from) + "–" + TIME.format(to) + " UTC";
        String page = modelPage.apply(modelId);
        String head = items.size() + (items.size() == 1 ? " notification" : " notifications") + " for model ";
        String why = " went over this channel's hourly limit for the model and " + (items.size() == 1 ? "was" : "were")
                + " held back";
        if (medium == ChannelType.EMAIL) {
            StringBuilder text = new StringBuilder(head).append(modelId).append(" (").append(period).append(')').append(why)
                    .append(". They are:\n\n");
            for (String item : items) {
                text.append("- ").append(field(item, "text").strip().replace("\n\n", "\n").replace("\n", "\n  ")).append("\n\n");
            }
            ObjectNode mail = Json.MAPPER.createObjectNode();
            mail.put("subject", MailText.subject("[DIGEST] " + modelId + ": " + items.size() + " held back, " + period));
            mail.put("text", text.append("Model: ").append(page).append('\n').toString());
            return Json.toString(mail);
        }
        StringBuilder text = new StringBuilder("[DIGEST] ").append(head).append(SlackText.escape(modelId)).append(" (")
                .append(period).append(')').append(why).append(':');
        ObjectNode node = Json.MAPPER.createObjectNode();
        ObjectNode digest = Json.MAPPER.createObjectNode();
        digest.put("modelId", modelId);
        digest.put("from", from.toString());
        digest.put("to", to.toString());
        digest.put("count", items.size());
        ArrayNode alerts = digest.putArray("alerts");
        for (String item : items) {
            text.append("\n• ").append(field(item, "text"));
            JsonNode alert = Json.fromString(item, JsonNode.class).path("alert");
            if (!alert.isMissingNode()) {
                alerts.add(alert);
            }
        }
        node.put("text", text.append("\nModel: ").append(SlackText.escape(page)).toString());
        node.put("dashboardUrl", page);
        node.set("digest", digest);
        return Json.toString(node);
    }

    private static String field(String body, String name) {
        return Json.fromString(body, JsonNode.class).path(name).asText("");
    }
}
