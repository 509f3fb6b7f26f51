package io.modeltrust.alert.notify;

import io.modeltrust.alert.rules.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks channels for the bulk PUT and for one channel's POST or PUT. A webhook sent without a secret,
 * or with the mask, keeps its stored one, and a URL sent with masked credentials keeps the stored ones
 * ({@link UrlSecrets}), so a client can round-trip GET (which masks them) into PUT.
 */
public final class ChannelValidator {

    /** A problem with the channel at {@code index} (0-based; -1 for one channel alone or the whole body). */
    public record ChannelError(int index, String field, String message) {
    }

    public record Result(List<NotificationChannel> channels, List<ChannelError> errors) {
    }

    public static final String MASK = UrlSecrets.MASK;
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** What GET showed for a secret before the mask was shortened; still read as "keep the stored one". */
    private static final String OLD_MASK = "********";
    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final String RESERVED = "deliveries";
    private static final int MAX_RECIPIENTS = 50;
    private static final int MAX_MODEL_IDS = 1000;
    private static final ChannelSpec.Filter NO_FILTER = new ChannelSpec.Filter(null, null, null);

    private ChannelValidator() {
    }

    /**
     * The bulk list: each channel needs an {@code id} (or {@code channelId}), unique in the list.
     *
     * @param refusal why a URL must not be called ({@link WebhookTargets#refusal}), or null when it may be
     */
    public static Result validate(List<ChannelSpec> input, Map<String, NotificationChannel> stored,
                                  Function<URI, String> refusal) {
        List<ChannelError> errors = new ArrayList<>();
        List<NotificationChannel> out = new ArrayList<>();
        if (input == null) {
            errors.add(new ChannelError(-1, "channels", "a JSON array of channels is required"));
            return new Result(List.of(), errors);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ChannelSpec ch = input.get(i);
            if (ch == null) {
                errors.add(new ChannelError(i, "channel", "null channel"));
                continue;
            }
            String id = ch.id() != null ? ch.id() : ch.channelId();
            if (ch.id() != null && ch.channelId() != null && !ch.id().equals(ch.channelId())) {
                errors.add(new ChannelError(i, "channelId", "id and channelId differ; give one of them"));
            } else if (id == null || !ID.matcher(id).matches()) {
                errors.add(new ChannelError(i, "id", "id is required and must match " + ID.pattern()));
            } else if (RESERVED.equals(id)) {
                errors.add(new ChannelError(i, "id", "'" + RESERVED + "' is taken by GET /api/v1/notification-channels/deliveries"));
            } else if (!ids.add(id)) {
                errors.add(new ChannelError(i, "id", "duplicate channel id '" + id + "'"));
            }
            NotificationChannel valid = channel(i, ch, id, id == null ? null : stored.get(id), refusal, errors);
            if (valid != null) {
                out.add(valid);
            }
        }
        return new Result(errors.isEmpty() ? out : List.of(), errors);
    }

    /**
     * One channel: {@code stored} is the channel a PUT replaces (null for a POST), {@code id} the id it has
     * or gets; a body naming another id is refused, as the id is the path's or, for a POST, the service's.
     */
    public static Result validateOne(ChannelSpec ch, String id, NotificationChannel stored, Function<URI, String> refusal) {
        List<ChannelError> errors = new ArrayList<>();
        if (ch == null) {
            errors.add(new ChannelError(-1, "channel", "a JSON object describing the channel is required"));
            return new Result(List.of(), errors);
        }
        for (String named : new String[] {ch.id(), ch.channelId()}) {
            if (named != null && !named.equals(id)) {
                errors.add(new ChannelError(-1, ch.channelId() != null ? "channelId" : "id", stored == null
                        ? "the service chooses a new channel's id; leave channelId out"
                        : "the channel's id is the one in the path, " + id));
                break;
            }
        }
        NotificationChannel valid = channel(-1, ch, id, stored, refusal, errors);
        return new Result(errors.isEmpty() ? List.of(valid) : List.of(), errors);
    }

    private static NotificationChannel channel(int i, ChannelSpec ch, String id, NotificationChannel old,
                                               Function<URI, String> refusal, List<ChannelError> errors) {
        int before = errors.size();
        ChannelType type = ch.type() == null ? ChannelType.WEBHOOK : ChannelType.find(ch.type());
        if (type == null) {
            errors.add(new ChannelError(i, "type", "unknown channel type '" + ch.type() + "'; use webhook or email"));
        }
        ChannelFilter filter = filter(i, ch, errors);
        boolean enabled = !Boolean.FALSE.equals(ch.enabled());
        NotificationChannel out = null;
        if (type == ChannelType.WEBHOOK) {
            out = webhook(i, ch, id, old != null && old.type() == ChannelType.WEBHOOK ? old : null, filter, enabled,
                    refusal, errors);
        } else if (type == ChannelType.EMAIL) {
            out = email(i, ch, id, filter, enabled, errors);
        }
        return errors.size() == before ? out : null;
    }

    private static NotificationChannel webhook(int i, ChannelSpec ch, String id, NotificationChannel old, ChannelFilter filter,
                                               boolean enabled, Function<URI, String> refusal, List<ChannelError> errors) {
        String url = ch.url();
        if (!httpUrl(url)) {
            errors.add(new ChannelError(i, "url", "an absolute http or https URL is required"));
        } else {
            try {
                url = UrlSecrets.unmask(url, old == null ? null : old.url());
                String refused = refusal.apply(URI.create(url));
                if (refused != null) {
                    errors.add(new ChannelError(i, "url", refused));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ChannelError(i, "url", e.getMessage()));
            }
        }
        boolean keep = ch.secret() == null || MASK.equals(ch.secret()) || OLD_MASK.equals(ch.secret());
        String secret = keep ? (old == null ? null : old.secret()) : ch.secret();
        if (secret == null || secret.isEmpty()) {
            errors.add(new ChannelError(i, "secret", "a secret is required to sign deliveries"));
        }
        if (ch.to() != null && !ch.to().isEmpty()) {
            errors.add(new ChannelError(i, "to", "only email channels have recipients (to); this one is a webhook"));
        }
        return NotificationChannel.webhook(id, url, secret, filter, enabled);
    }

    private static NotificationChannel email(int i, ChannelSpec ch, String id, ChannelFilter filter, boolean enabled,
                                             List<ChannelError> errors) {
        if (ch.url() != null) {
            errors.add(new ChannelError(i, "url", "an email channel has no url; its recipients are in to"));
        }
        if (ch.secret() != null && !MASK.equals(ch.secret())) {
            errors.add(new ChannelError(i, "secret", "an email channel has no secret"));
        }
        Set<String> to = new LinkedHashSet<>();
        if (ch.to() == null || ch.to().isEmpty()) {
            errors.add(new ChannelError(i, "to", "an email channel needs one or more addresses in to"));
        } else if (ch.to().size() > MAX_RECIPIENTS) {
            errors.add(new ChannelError(i, "to", "at most " + MAX_RECIPIENTS + " addresses"));
        } else {
            for (String address : ch.to()) {
                String a = address == null ? null : address.strip();
                if (!EmailAddress.valid(a)) {
                    errors.add(new ChannelError(i, "to", "'" + address + "' is not an email address (name@domain)"));
                } else {
                    to.add(a);
                }
            }
        }
        return NotificationChannel.email(id, List.copyOf(to), filter, enabled);
    }

    private static ChannelFilter filter(int i, ChannelSpec ch, List<ChannelError> errors) {
        ChannelSpec.Filter f = ch.filter() == null ? NO_FILTER : ch.filter();
        Severity severity = Severity.INFO;
        String top = ch.minSeverity();
        String inFilter = f.minSeverity();
        String field = inFilter != null || top == null ? "filter.minSeverity" : "minSeverity";
        String given = inFilter != null ? inFilter : top;
        try {
            severity = given == null ? Severity.INFO : Severity.parse(given);
            if (top != null && inFilter != null && Severity.parse(top) != severity) {
                errors.add(new ChannelError(i, "minSeverity", "minSeverity and filter.minSeverity differ; give one of them"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new ChannelError(i, field, e.getMessage()));
        }
        Set<String> models = new LinkedHashSet<>();
        if (f.modelIds() != null) {
            if (f.modelIds().size() > MAX_MODEL_IDS) {
                errors.add(new ChannelError(i, "filter.modelIds", "at most " + MAX_MODEL_IDS + " model ids"));
            }
            for (String m : f.modelIds()) {
                if (m == null || !MODEL_ID.matcher(m).matches()) {
                    errors.add(new ChannelError(i, "filter.modelIds", "'" + m + "' is not a model id (" + MODEL_ID.pattern() + ")"));
                } else {
                    models.add(m);
                }
            }
        }
        Set<String> kinds = new LinkedHashSet<>();
        if (f.kinds() != null) {
            for (String k : f.kinds()) {
                if (!ChannelFilter.KINDS.contains(k)) {
                    errors.add(new ChannelError(i, "filter.kinds", "unknown kind '" + k + "'; use "
                            + String.join(", ", ChannelFilter.KINDS)));
                } else {
                    kinds.add(k);
                }
            }
        }
        return new ChannelFilter(List.copyOf(models), severity, List.copyOf(kinds));
    }

    private static boolean httpUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI u = URI.create(url);
            return u.isAbsolute() && ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
