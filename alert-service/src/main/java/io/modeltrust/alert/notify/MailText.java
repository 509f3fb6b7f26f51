package io.modeltrust.alert.notify;

/**
 * Subject lines: a model id, rule or group name could carry a line break or another control character,
 * which in a header would end it and start another; they become spaces, and the line is kept short.
 */
final class MailText {

    private static final int MAX_SUBJECT = 200;

    private MailText() {
    }

    static String subject(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_SUBJECT));
        for (int i = 0; i < s.length() && out.length() < MAX_SUBJECT; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.length() < s.length() ? out.append('…').toString() : out.toString();
    }
}
