package io.modeltrust.alert.notify;

import io.modeltrust.alert.rules.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a channel list for PUT. A channel sent without a secret, or with the mask, keeps its stored
 * one, and a URL sent with masked credentials keeps the stored ones ({@link UrlSecrets}), so a client
 * can round-trip GET (which masks them) into PUT.
 */
public final class ChannelValidator {

    /** A problem with the channel at {@code index} (0-based). */
    public record ChannelError(int index, String field, String message) {
    }

    public record Result(List<NotificationChannel> channels, List<ChannelError> errors) {
    }

    public static final String MASK = UrlSecrets.MASK;
    /** What GET showed for a secret before the mask was shortened; still read as "keep the stored one". */
    private static final String OLD_MASK = "********";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ChannelValidator() {
    }

    /**
     * @param refusal why a URL must not be called ({@link WebhookTargets#refusal}), or null when it may be
     */
    public static Result validate(List<NotificationChannel> input, Map<String, NotificationChannel> stored,
                                  Function<URI, String> refusal) {
        List<ChannelError> errors = new ArrayList<>();
        List<NotificationChannel> out = new ArrayList<>();
        if (input == null) {
            errors.add(new ChannelError(-1, "channels", "a JSON array of channels is required"));
            return new Result(List.of(), errors);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            NotificationChannel ch = input.get(i);
            if (ch == null) {
                errors.add(new ChannelError(i, "channel", "null channel"));
                continue;
            }
            int before = errors.size();
            if (ch.id() == null || !ID.matcher(ch.id()).matches()) {
                errors.add(new ChannelError(i, "id", "id is required and must match " + ID.pattern()));
            } else if (!ids.add(ch.id())) {
                errors.add(new ChannelError(i, "id", "duplicate channel id '" + ch.id() + "'"));
            }
            NotificationChannel old = ch.id() == null ? null : stored.get(ch.id());
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
            String severity = ch.minSeverity() == null ? "info" : ch.minSeverity();
            try {
                severity = Severity.parse(severity).id();
            } catch (IllegalArgumentException e) {
                errors.add(new ChannelError(i, "minSeverity", e.getMessage()));
            }
            if (errors.size() == before) {
                out.add(new NotificationChannel(ch.id(), url, secret, severity, !Boolean.FALSE.equals(ch.enabled())));
            }
        }
        return new Result(errors.isEmpty() ? out : List.of(), errors);
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
