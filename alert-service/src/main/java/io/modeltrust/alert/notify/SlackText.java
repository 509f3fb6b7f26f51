package io.modeltrust.alert.notify;

/**
 * Slack's mrkdwn escaping: {@code &}, {@code <} and {@code >} are control characters there
 * ({@code <!channel>} pings a channel, {@code <http://x|y>} is a link showing y), so every value a
 * message interpolates is escaped, and a model id, group name or reason cannot ping or disguise a link.
 */
public final class SlackText {

    private SlackText() {
    }

    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
