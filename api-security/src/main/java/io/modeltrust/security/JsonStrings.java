package io.modeltrust.security;

/** JSON string literals for hand-written bodies (problem details, large read answers), without a serialiser. */
public final class JsonStrings {

    private JsonStrings() {
    }

    public static String quote(String text) {
        return quote(new StringBuilder(text.length() + 2), text).toString();
    }

    /** Appends {@code text} as a JSON string; U+2028 and U+2029 are escaped too, for readers that embed JSON in JS. */
    public static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
