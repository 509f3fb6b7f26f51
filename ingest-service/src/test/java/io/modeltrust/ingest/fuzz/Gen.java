package io.modeltrust.ingest.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded generators for the ingest fuzz suite: values, tables of the credit model of
 * {@code CreditModelFixture}, their CSV / JSON / NDJSON renderings, and byte-level mutations.
 * Everything comes from one {@link SplittableRandom}, so a seed reproduces a run exactly.
 */
final class Gen {

    static final String ID = "application_id";
    static final String INCOME = "income";
    static final String PURPOSE = "purpose";
    static final String SEX = "sex";
    static final String APPROVED = "approved";
    static final String SCORE = "score";
    static final String DEFAULTED = "defaulted";
    static final Set<String> NUMERIC = Set.of(INCOME, SCORE);
    static final List<String> PRODUCTION = List.of(ID, INCOME, PURPOSE, SEX, APPROVED, SCORE);

    /** What {@code NumberParser} accepts, before the finiteness and length checks. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private static final String[] POOLS = {
            "abcdefghijklmnopqrstuvwxyz",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            " ,\"';:|\\/-_.!?#%&*()+=~`^$@",
            "\r\n\t",
            "éüßñçøåÆ€£¥©°µ",
            "中文字符日本語한국어ภาษาไทยعربي",
            "\u200B\u200F\u202E\u00A0\u0001\u001F\u007F\uFEFF\uFFFD", // no NUL: a category holding one is refused
            "{}[]<>",
    };

    private static final byte[] STRUCTURAL = utf8("\",\n\r{}[]:\\ \t");

    final SplittableRandom r;

    Gen(long seed) {
        this.r = new SplittableRandom(seed);
    }

    // ---------------------------------------------------------------- basics

    int between(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[r.nextInt(items.length)];
    }

    <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    <T> List<T> shuffled(List<T> items) {
        List<T> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) {
            Collections.swap(out, i, r.nextInt(i + 1));
        }
        return out;
    }

    /** A size skewed towards small: most tables have a handful of rows, a few have thousands. */
    int rows() {
        int k = r.nextInt(100);
        if (k < 55) {
            return between(1, 10);
        }
        if (k < 85) {
            return between(11, 200);
        }
        return between(201, 3000);
    }

    // ---------------------------------------------------------------- values

    /** Free text of 1..maxLen chars from every awkward pool: quotes, commas, newlines, controls, RTL, emoji. */
    String text(int maxLen) {
        int n = between(1, maxLen);
        StringBuilder sb = new StringBuilder(n + 2);
        while (sb.length() < n) {
            int k = r.nextInt(100);
            if (k < 8) {
                sb.appendCodePoint(0x1F300 + r.nextInt(0x300));
            } else {
                String pool = k < 50 ? POOLS[0] : POOLS[1 + r.nextInt(POOLS.length - 1)];
                sb.append(pool.charAt(r.nextInt(pool.length())));
            }
        }
        return sb.toString();
    }

    /** Text without quotes, commas, line breaks or a leading BOM: safe to place unquoted in CSV. */
    String plain(int maxLen) {
        String s = text(maxLen).replaceAll("[\",\r\n\uFEFF]", "x");
        return s.isEmpty() ? "x" : s;
    }

    /** A valid decimal in one of many spellings, or NaN (a missing value). */
    String number() {
        return switch (r.nextInt(13)) {
            case 0 -> Long.toString(r.nextLong(-1_000_000, 1_000_000));
            case 1 -> Double.toString(r.nextDouble() * 1e6 - 5e5);
            case 2 -> r.nextInt(10_000) + "." + digits(between(1, 12));
            case 3 -> (chance(0.5) ? "-" : "") + between(1, 9) + "." + digits(between(0, 8)) + pick("e", "E")
                    + pick("", "+", "-") + between(0, 300);
            case 4 -> pick("-0", "0", "0.0", "-0.0", "007", "000.5");
            case 5 -> "+" + r.nextInt(1000);
            case 6 -> "." + digits(between(1, 10));
            case 7 -> r.nextInt(1000) + ".";
            case 8 -> digits(between(16, 40)) + (chance(0.5) ? "." + digits(between(1, 30)) : "");
            case 9 -> pick("4.9e-324", "1e-320", "2.2250738585072014E-308", "1.7976931348623157e308", "1e-999");
            case 10 -> pick("NaN", "nan", "NAN", "nAn");
            case 11 -> {
                double d = Double.longBitsToDouble(r.nextLong());
                yield Double.isFinite(d) ? Double.toString(d) : "1";
            }
            default -> Double.toString(r.nextDouble());
        };
    }

    /** A probability, as a score must be, in the spellings a producer may use. */
    String probability() {
        return switch (r.nextInt(8)) {
            case 0 -> pick("0", "1", "0.0", "-0", "1.", ".5", "000.5", "1e0", "1E-300", "4.9e-324");
            case 1 -> "0." + digits(between(1, 30));
            case 2 -> pick("NaN", "nan");
            default -> Double.toString(r.nextDouble());
        };
    }

    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    /** A category value: mostly short words, sometimes free text. */
    String category() {
        return chance(0.6) ? pick("car", "house", "education", "business", "other", "vacation") : text(12);
    }

    /** Whether {@code NumberParser} accepts the text: a finite decimal of at most 400 chars, NaN, or missing. */
    static boolean validNumber(String s) {
        if (s == null || s.isEmpty()) {
            return true;
        }
        if (s.length() > 400) {
            return false;
        }
        if (s.length() == 3 && s.equalsIgnoreCase("nan")) {
            return true;
        }
        return DECIMAL.matcher(s).matches() && Double.isFinite(Double.parseDouble(s));
    }

    /** A valid text for a score column: a valid number in [0, 1], or missing. */
    static boolean validScore(String s) {
        if (!validNumber(s)) {
            return false;
        }
        double v = expectedNumber(s);
        return Double.isNaN(v) || (v >= 0 && v <= 1);
    }

    /** The double the service must publish for a valid numeric text. */
    static double expectedNumber(String s) {
        if (s == null || s.isEmpty() || s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    static boolean jsonNumber(String s) {
        return s != null && s.length() <= 1000 && JSON_NUMBER.matcher(s).matches();
    }

    // ---------------------------------------------------------------- tables

    /** A valid production batch of n rows; with {@code plain}, no value needs CSV quoting. */
    Table production(int n, boolean plain) {
        List<String> columns = new ArrayList<>(PRODUCTION);
        if (chance(0.5)) {
            columns.add(DEFAULTED);
        }
        Table t = new Table(shuffled(columns), Set.of(DEFAULTED));
        for (int i = 0; i < n; i++) {
            String[] row = new String[t.columns.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = value(t.columns.get(c), i, plain);
            }
            t.rows.add(row);
        }
        // categorical features and sensitive columns must have a value somewhere
        t.set(0, PURPOSE, plain ? plain(8) : category());
        t.set(0, SEX, pick("male", "female"));
        return t;
    }

    /** A valid reference upload: like production, but the id column may be absent or partly empty. */
    Table reference(int n) {
        List<String> columns = new ArrayList<>(PRODUCTION);
        boolean withId = chance(0.5);
        if (!withId) {
            columns.remove(ID);
        }
        if (chance(0.5)) {
            columns.add(DEFAULTED);
        }
        Table t = new Table(shuffled(columns), Set.of(DEFAULTED, ID));
        for (int i = 0; i < n; i++) {
            String[] row = new String[t.columns.size()];
            for (int c = 0; c < row.length; c++) {
                String name = t.columns.get(c);
                row[c] = name.equals(ID) && chance(0.3) ? null : value(name, i, false);
            }
            t.rows.add(row);
        }
        t.set(0, PURPOSE, category());
        t.set(0, SEX, pick("male", "female"));
        return t;
    }

    /** Delayed labels: id and label, both required. */
    Table labels(int n) {
        Table t = new Table(shuffled(List.of(ID, DEFAULTED)), Set.of());
        for (int i = 0; i < n; i++) {
            String[] row = new String[2];
            row[t.col(ID)] = value(ID, i, false);
            row[t.col(DEFAULTED)] = pick("0", "1");
            t.rows.add(row);
        }
        return t;
    }

    private String value(String column, int row, boolean plain) {
        return switch (column) {
            case ID -> "id" + row + "-" + (plain ? plain(6) : text(6));
            case INCOME -> chance(0.1) ? null : number();
            case SCORE -> chance(0.1) ? null : probability();
            case PURPOSE -> chance(0.15) ? null : plain ? plain(10) : category();
            case SEX -> chance(0.15) ? null : pick("male", "female", "x");
            case APPROVED -> pick("0", "1"); // a class of the model: any other value is a 400 (see ClassesTest)
            case DEFAULTED -> chance(0.5) ? null : pick("0", "1");
            default -> throw new IllegalArgumentException(column);
        };
    }

    // ---------------------------------------------------------------- CSV

    record CsvStyle(String eol, boolean finalEol, boolean bom, double blankLines, double quoteAll,
                    double quoteMissing, boolean padHeader, boolean mixedEol) {
    }

    CsvStyle csvStyle() {
        return new CsvStyle(pick("\n", "\n", "\r\n", "\r"), chance(0.7), chance(0.1), chance(0.2) ? 0.1 : 0,
                chance(0.2) ? 0.5 : 0, chance(0.3) ? 0.3 : 0, chance(0.2), chance(0.1));
    }

    /** No quotes anywhere, no BOM, no blank lines: edits of single fields have exactly predictable effects. */
    CsvStyle plainCsvStyle() {
        return new CsvStyle(pick("\n", "\r\n", "\r"), chance(0.7), false, 0, 0, 0, false, false);
    }

    String csv(Table t, CsvStyle s) {
        return joinCsv(csvFields(t, s), s);
    }

    /** The header and every row as rendered (quoted where needed) fields, for edits of single fields. */
    List<List<String>> csvFields(Table t, CsvStyle s) {
        List<List<String>> lines = new ArrayList<>(t.size() + 1);
        List<String> header = new ArrayList<>();
        for (String column : t.columns) {
            String name = s.padHeader() && chance(0.5) ? " " + column + "  " : column;
            header.add(chance(s.quoteAll()) ? '"' + name + '"' : name);
        }
        lines.add(header);
        for (String[] row : t.rows) {
            List<String> fields = new ArrayList<>(row.length);
            for (String v : row) {
                fields.add(csvField(v, s));
            }
            lines.add(fields);
        }
        return lines;
    }

    String joinCsv(List<List<String>> lines, CsvStyle s) {
        StringBuilder sb = new StringBuilder(64 + lines.size() * 48);
        if (s.bom()) {
            sb.append('\uFEFF');
        }
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append(eol(s));
                while (chance(s.blankLines())) {
                    sb.append(eol(s));
                }
            }
            sb.append(String.join(",", lines.get(i)));
        }
        if (s.finalEol()) {
            sb.append(eol(s));
        }
        return sb.toString();
    }

    private String eol(CsvStyle s) {
        return s.mixedEol() ? pick("\n", "\r\n", "\r") : s.eol();
    }

    String csvField(String v, CsvStyle s) {
        if (v == null) {
            return chance(s.quoteMissing()) ? "\"\"" : "";
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || chance(s.quoteAll());
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    // ---------------------------------------------------------------- JSON and NDJSON

    record JsonStyle(boolean spaced, double escapeNonAscii, double literalNumbers, double emptyForMissing,
                     double omitMissing) {
    }

    JsonStyle jsonStyle() {
        return new JsonStyle(chance(0.3), chance(0.2) ? 0.5 : 0, r.nextDouble(), chance(0.2) ? 0.5 : 0,
                chance(0.5) ? 0.7 : 0);
    }

    String json(Table t, JsonStyle s) {
        StringBuilder sb = new StringBuilder(64 + t.size() * 96);
        sb.append(ws(s)).append('[');
        for (int i = 0; i < t.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ws(s));
            jsonObject(sb, t, i, s);
        }
        return sb.append(ws(s)).append(']').append(ws(s)).toString();
    }

    String ndjson(Table t, JsonStyle s) {
        StringBuilder sb = new StringBuilder(64 + t.size() * 96);
        String eol = pick("\n", "\n", "\r\n");
        for (int i = 0; i < t.size(); i++) {
            if (i > 0) {
                sb.append(eol);
                if (chance(0.05)) {
                    sb.append(eol);
                }
            }
            jsonObject(sb, t, i, s);
        }
        if (chance(0.7)) {
            sb.append(eol);
        }
        return sb.toString();
    }

    void jsonObject(StringBuilder sb, Table t, int row, JsonStyle s) {
        sb.append('{');
        boolean first = true;
        for (int c : shuffled(range(t.columns.size()))) {
            String name = t.columns.get(c);
            String v = t.rows.get(row)[c];
            String raw = t.rawJson.get(Table.key(row, c));
            String rendered;
            if (raw != null) {
                rendered = raw;
            } else if (v == null) {
                if (t.omittable.contains(name) && chance(s.omitMissing())) {
                    continue;
                }
                rendered = chance(s.emptyForMissing()) ? "\"\"" : "null";
            } else if ((NUMERIC.contains(name) || !name.equals(ID)) && jsonNumber(v) && chance(s.literalNumbers())) {
                rendered = v;
            } else if (!NUMERIC.contains(name) && (v.equals("true") || v.equals("false")) && chance(0.5)) {
                rendered = v;
            } else {
                rendered = jsonString(v, s.escapeNonAscii());
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(s.spaced() ? " " : "").append(jsonString(name, 0)).append(s.spaced() ? " : " : ":").append(rendered);
        }
        sb.append(s.spaced() ? " }" : "}");
    }

    private String ws(JsonStyle s) {
        return s.spaced() ? pick("", " ", "\n", "\t", "\r\n  ") : "";
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    String jsonString(String v, double escapeNonAscii) {
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '/' -> sb.append(chance(0.5) ? "\\/" : "/");
                default -> {
                    boolean pair = Character.isHighSurrogate(ch) && i + 1 < v.length();
                    if (ch < 0x20 || (ch > 0x7E && chance(escapeNonAscii))) {
                        sb.append(String.format("\\u%04x", (int) ch));
                        if (pair) { // both halves of a surrogate pair, or neither
                            sb.append(String.format("\\u%04x", (int) v.charAt(++i)));
                        }
                    } else {
                        sb.append(ch);
                        if (pair) {
                            sb.append(v.charAt(++i));
                        }
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    // ---------------------------------------------------------------- bytes

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** One to four byte-level edits: flips, deletions, insertions, duplications, truncation. */
    byte[] mutate(byte[] in) {
        byte[] b = in;
        int ops = between(1, 4);
        for (int k = 0; k < ops && b.length > 0; k++) {
            int i = r.nextInt(b.length);
            switch (r.nextInt(7)) {
                case 0 -> {
                    b = b.clone();
                    b[i] ^= (byte) (1 << r.nextInt(8));
                }
                case 1 -> {
                    b = b.clone();
                    b[i] = (byte) r.nextInt(256);
                }
                case 2 -> {
                    int len = Math.min(b.length - i, between(1, 64));
                    b = concat(Arrays.copyOfRange(b, 0, i), Arrays.copyOfRange(b, i + len, b.length));
                }
                case 3 -> b = concat(Arrays.copyOfRange(b, 0, i), bytes(between(1, 16)), Arrays.copyOfRange(b, i, b.length));
                case 4 -> {
                    byte[] structural = {STRUCTURAL[r.nextInt(STRUCTURAL.length)]};
                    b = concat(Arrays.copyOfRange(b, 0, i), structural, Arrays.copyOfRange(b, i, b.length));
                }
                case 5 -> {
                    int len = Math.min(b.length - i, between(1, 256));
                    b = concat(Arrays.copyOfRange(b, 0, i + len), Arrays.copyOfRange(b, i, b.length));
                }
                default -> b = Arrays.copyOf(b, i);
            }
        }
        return b;
    }
}
