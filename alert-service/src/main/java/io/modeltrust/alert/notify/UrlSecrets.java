package io.modeltrust.alert.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets a webhook URL may carry: its user info ({@code user:pass@}) and the values of query
 * parameters whose name says token, key, secret, password or sig (alone or as a part, as in
 * {@code api_key} or {@code X-Amz-Signature}). The API shows them as {@value #MASK}, error texts lose
 * them, and a URL sent back with the mask in their place gets the stored values again.
 */
public final class UrlSecrets {

    public static final String MASK = "***";

    private static final Set<String> SECRET_PARTS = Set.of("token", "key", "apikey", "secret", "password", "passwd",
            "pwd", "sig", "signature", "auth", "credential", "credentials");
    /** A URL in free text, without the punctuation that ends a sentence or closes a parenthesis after it. */
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s\"'<>()]+?(?=[.,;:!?]?(?:[\\s\"'<>()]|$))");
    private static final Pattern USER_INFO = Pattern.compile("(?i)^(https?://)[^/?#@]*@");
    private static final Pattern PARAM = Pattern.compile("([?&;])([^=&;#]+)=([^&;#]*)");

    private UrlSecrets() {
    }

    /** Whether a query parameter of this name holds a secret. */
    public static boolean secretName(String name) {
        for (String part : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (SECRET_PARTS.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The URL with its user info and secret parameter values replaced by the mask. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String s = USER_INFO.matcher(url).replaceFirst("$1" + Matcher.quoteReplacement(MASK) + "@");
        Matcher m = PARAM.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = secretName(m.group(2)) ? m.group(1) + m.group(2) + "=" + MASK : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /** Free text (an error message) with every URL in it masked. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The submitted URL with each masked part (user info, secret parameter value) taken from the stored
     * URL: a client that PUTs back what GET showed keeps the stored secrets.
     *
     * @throws IllegalArgumentException when a masked part has no stored value to stand for
     */
    public static String unmask(String submitted, String stored) {
        if (submitted == null || !submitted.contains(MASK)) {
            return submitted;
        }
        URI in = URI.create(submitted);
        URI old = stored == null ? null : URI.create(stored);
        String userInfo = in.getRawUserInfo();
        if (MASK.equals(userInfo)) {
            userInfo = old == null ? null : old.getRawUserInfo();
            if (userInfo == null) {
                throw new IllegalArgumentException("the URL's user info is the mask " + MASK
                        + ", but no stored URL of this channel has user info to keep");
            }
        }
        String query = in.getRawQuery() == null ? null : unmaskQuery(in.getRawQuery(), old == null ? null : old.getRawQuery());
        return build(in, userInfo, query);
    }

    /** The URL to request: without its user info, which travels as {@link #basicAuthorization} instead. */
    public static URI withoutUserInfo(URI url) {
        return url.getRawUserInfo() == null ? url : URI.create(build(url, null, url.getRawQuery()));
    }

    /** {@code Basic <base64 of user:password>} from the URL's user info, or null when it has none. */
    public static String basicAuthorization(URI url) {
        String userInfo = url.getUserInfo(); // percent-decoded, as RFC 3986 user info is
        return userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static String build(URI in, String rawUserInfo, String rawQuery) {
        StringBuilder url = new StringBuilder(in.getScheme()).append("://");
        if (rawUserInfo != null) {
            url.append(rawUserInfo).append('@');
        }
        url.append(in.getHost());
        if (in.getPort() >= 0) {
            url.append(':').append(in.getPort());
        }
        url.append(in.getRawPath() == null ? "" : in.getRawPath());
        if (rawQuery != null) {
            url.append('?').append(rawQuery);
        }
        if (in.getRawFragment() != null) {
            url.append('#').append(in.getRawFragment());
        }
        return url.toString();
    }

    private static String unmaskQuery(String query, String storedQuery) {
        Map<String, List<String>> stored = new HashMap<>();
        if (storedQuery != null) {
            for (String pair : storedQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    stored.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
                }
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                out.add(pair);
                continue;
            }
            String name = pair.substring(0, eq);
            int n = seen.merge(name, 1, Integer::sum) - 1;
            if (MASK.equals(pair.substring(eq + 1)) && secretName(name)) {
                List<String> values = stored.getOrDefault(name, List.of());
                if (n >= values.size()) {
                    throw new IllegalArgumentException("the URL's parameter '" + name + "' is the mask " + MASK
                            + ", but no stored URL of this channel has a value for it to keep");
                }
                out.add(name + "=" + values.get(n));
            } else {
                out.add(pair);
            }
        }
        return String.join("&", out);
    }
}
