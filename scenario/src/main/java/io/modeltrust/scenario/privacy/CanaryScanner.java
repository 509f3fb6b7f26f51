package io.modeltrust.scenario.privacy;

import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds canaries in the text of a table row ({@code SELECT t::text}), whatever rendering stored them:
 * <ul>
 * <li>a number in any decimal rendering (the CSV text, Java's Double.toString as in JSON, PostgreSQL's
 *     float8 output) parses to the canary's double; one rounded to 6 decimals matches on rounding;</li>
 * <li>bytea (printed as hex) holding the canary's IEEE-754 bytes, little or big endian, at any offset
 *     (packed arrays), or a token's UTF-8 bytes;</li>
 * <li>a token anywhere in the text, e.g. inside stored JSON.</li>
 * </ul>
 */
public final class CanaryScanner {

    /**
     * Matches start only where a digit run starts and never give digits back: a long run of digits (a
     * constant column's bytes, say) costs one pass, not one pass per position.
     */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])-?(?:\\d{5,}+\\.\\d++|\\d\\.\\d++[eE][-+]?\\d++)");
    private static final Pattern TOKEN = Pattern.compile("[rpjx]tok-[0-9a-f]{16}");
    private static final Pattern BYTEA = Pattern.compile("\\\\x([0-9a-fA-F]{16,})");

    private final Map<Long, Canary> exact = new HashMap<>();
    private final Map<Long, Canary> rounded = new HashMap<>();
    private final Map<String, Canary> tokens = new HashMap<>();

    public CanaryScanner(List<Canary> canaries) {
        for (Canary c : canaries) {
            if (c.numeric()) {
                double v = Double.parseDouble(c.text());
                exact.put(Double.doubleToLongBits(v), c);
                rounded.put(Math.round(v * 1e6), c);
            } else {
                tokens.put(c.text(), c);
            }
        }
    }

    /** Calls {@code found} for each canary occurrence in {@code text} (a canary may be reported more than once). */
    public void scan(String text, Consumer<Canary> found) {
        Matcher b = BYTEA.matcher(text);
        int from = 0;
        while (b.find()) {
            plain(text.subSequence(from, b.start()), found);
            String hex = b.group(1);
            byte[] bytes = HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : hex.substring(0, hex.length() - 1));
            doubles(bytes, found);
            tokens(new String(bytes, StandardCharsets.ISO_8859_1), found);
            from = b.end();
        }
        plain(text.subSequence(from, text.length()), found);
    }

    /** Numbers and tokens of text outside bytea: digits of hex mean nothing as decimals. */
    private void plain(CharSequence text, Consumer<Canary> found) {
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            double v;
            try {
                v = Double.parseDouble(n.group());
            } catch (NumberFormatException e) {
                continue;
            }
            Canary c = exact.get(Double.doubleToLongBits(v));
            if (c == null && Math.abs(v) < 1e12) {
                c = rounded.get(Math.round(v * 1e6));
            }
            if (c != null) {
                found.accept(c);
            }
        }
        tokens(text, found);
    }

    private void tokens(CharSequence text, Consumer<Canary> found) {
        Matcher t = TOKEN.matcher(text);
        while (t.find()) {
            Canary c = tokens.get(t.group());
            if (c != null) {
                found.accept(c);
            }
        }
    }

    private void doubles(byte[] bytes, Consumer<Canary> found) {
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i + 8 <= bytes.length; i++) {
            Canary c = exact.get(le.getLong(i));
            if (c == null) {
                c = exact.get(be.getLong(i));
            }
            if (c != null) {
                found.accept(c);
            }
        }
    }
}
