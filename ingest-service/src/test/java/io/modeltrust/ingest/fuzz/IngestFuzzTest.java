package io.modeltrust.ingest.fuzz;

import static io.modeltrust.ingest.fuzz.Gen.APPROVED;
import static io.modeltrust.ingest.fuzz.Gen.DEFAULTED;
import static io.modeltrust.ingest.fuzz.Gen.ID;
import static io.modeltrust.ingest.fuzz.Gen.INCOME;
import static io.modeltrust.ingest.fuzz.Gen.PURPOSE;
import static io.modeltrust.ingest.fuzz.Gen.SCORE;
import static io.modeltrust.ingest.fuzz.Gen.SEX;
import static io.modeltrust.ingest.fuzz.Gen.concat;
import static io.modeltrust.ingest.fuzz.Gen.gzip;
import static io.modeltrust.ingest.fuzz.Gen.utf8;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.ingest.CreditModelFixture;
import io.modeltrust.ingest.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Property-based fuzzing of the upload endpoints over HTTP, against the real broker and database
 * (issue 9). Every generated request must get a 2xx or a 4xx problem+json within
 * {@link FuzzRunner#REQUEST_TIMEOUT} — never a 5xx or a hang — a rejected upload must leave
 * monitoring.batches untouched, and an accepted one must be on the topic with exactly the posted
 * rows and values.
 *
 * <p>jqwik is not used: it is its own JUnit Platform engine and does not run Jupiter extensions,
 * so {@code @QuarkusTest} never starts the application for an {@code @Property} (jqwik issue #487
 * "Jqwik Quarkus Support", open). The generators are instead driven by one seeded
 * {@link java.util.SplittableRandom} per category in plain JUnit 5 tests. The seed is printed;
 * {@code -Dfuzz.seed=<n>} replays a run, {@code -Dfuzz.seed=random} explores a new one, and
 * {@code -Dfuzz.scale=<x>} multiplies the number of generated cases.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestFuzzTest {

    static final String CSV = "text/csv";
    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    /** CsvRowReader.MAX_FIELD_CHARS, also Jackson's string limit in JsonRowReader. */
    static final int MAX_FIELD = 1 << 20;

    enum Format {
        CSV_BODY(IngestFuzzTest.CSV), JSON_BODY(IngestFuzzTest.JSON), NDJSON_BODY(IngestFuzzTest.NDJSON);

        final String type;

        Format(String type) {
            this.type = type;
        }
    }

    static final long SEED = seed();
    static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));

    private static TopicProbe probe;
    private static FuzzRunner runner;
    private static String model;
    private static String referenceModel;
    /** Six categorical features: one row of six near-limit fields is more than a Kafka record holds. */
    private static String wideModel;
    static final String WIDE_HEADER = "c1,c2,c3,c4,c5,c6,p";
    static final String WIDE_SPEC = """
            {"task":"binary_classification","prediction":"p","classes":["0","1"],"features":[{"name":"c1","type":"categorical"},
             {"name":"c2","type":"categorical"},{"name":"c3","type":"categorical"},{"name":"c4","type":"categorical"},
             {"name":"c5","type":"categorical"},{"name":"c6","type":"categorical"}]}""";
    private static long started;

    private static long seed() {
        String s = System.getProperty("fuzz.seed");
        if (s == null || s.isBlank()) {
            return 0x1A57_F022L;
        }
        return s.equals("random") ? new SecureRandom().nextLong() : Long.decode(s);
    }

    @BeforeAll
    static void openProbe() {
        probe = new TopicProbe("monitoring.batches");
        started = System.nanoTime();
    }

    @AfterAll
    static void report() {
        if (runner != null) {
            int total = 0;
            int ok = 0;
            int bad = 0;
            StringBuilder sb = new StringBuilder("\n=== ingest fuzz: seed ").append(SEED).append(", scale ").append(SCALE)
                    .append(" ===\n");
            sb.append(String.format("%-18s %6s %6s %6s %6s %8s  %s%n", "category", "cases", "2xx", "4xx", "other",
                    "ms", "statuses"));
            for (var e : runner.stats.entrySet()) {
                FuzzRunner.Stats s = e.getValue();
                int other = s.cases - s.count(200, 300) - s.count(400, 500);
                sb.append(String.format("%-18s %6d %6d %6d %6d %8d  %s (slowest %d ms: %s)%n", e.getKey(), s.cases,
                        s.count(200, 300), s.count(400, 500), other, s.millis, s.statuses, s.slowestMillis, s.slowest));
                total += s.cases;
                ok += s.count(200, 300);
                bad += s.count(400, 500);
            }
            sb.append(String.format("%-18s %6d %6d %6d %6d %8d%n", "TOTAL", total, ok, bad, total - ok - bad,
                    (System.nanoTime() - started) / 1_000_000));
            sb.append("records of other producers on monitoring.batches meanwhile (not ours, ignored): ")
                    .append(runner.foreignRecords).append('\n');
            System.out.println(sb);
            runner.close();
        }
        probe.close();
    }

    /** Registers the models on first use: RestAssured knows the test port only inside a test. */
    private static FuzzRunner runner() {
        if (runner == null) {
            model = CreditModelFixture.registerWithReference();
            // declared classes: a reference case need not hold both labels, which a model without them requires
            referenceModel = CreditModelFixture.registerOnly();
            given().contentType("application/json").body(CreditModelFixture.SPEC_WITH_CLASSES)
                    .put("/api/v1/models/" + referenceModel).then().statusCode(200);
            wideModel = "wide-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
            given().contentType("application/json").body(WIDE_SPEC).put("/api/v1/models/" + wideModel).then()
                    .statusCode(201);
            runner = new FuzzRunner(probe, model, Set.of(model, referenceModel, wideModel));
        }
        return runner;
    }

    private static void check(String category, Function<Gen, List<FuzzCase>> generator) {
        FuzzRunner r = runner();
        Gen g = new Gen(SEED ^ (category.hashCode() * 0x9E3779B97F4A7C15L));
        List<FuzzCase> cases = generator.apply(g);
        List<String> failures = r.run(category, cases);
        if (!failures.isEmpty()) {
            System.out.println("--- " + category + ": " + failures.size() + " failure(s), seed " + SEED);
            failures.forEach(f -> System.out.println("  " + f));
        }
        assertTrue(failures.isEmpty(), () -> category + ": " + failures.size() + " of " + cases.size()
                + " cases failed (seed " + SEED + "), first: " + failures.get(0));
    }

    private static int n(int base) {
        return Math.max(1, (int) Math.round(base * SCALE));
    }

    // ------------------------------------------------------------------ helpers

    static byte[] render(Gen g, Table t, Format f) {
        return utf8(switch (f) {
            case CSV_BODY -> g.csv(t, g.csvStyle());
            case JSON_BODY -> g.json(t, g.jsonStyle());
            case NDJSON_BODY -> g.ndjson(t, g.jsonStyle());
        });
    }

    static Format format(Gen g) {
        return g.pick(Format.values());
    }

    /** A valid production batch in a random format, sometimes gzipped. */
    static FuzzCase valid(Gen g, String category, Table t, Format f) {
        byte[] body = render(g, t, f);
        boolean gz = g.chance(0.2);
        FuzzCase c = new FuzzCase(category, f.name() + " " + t.size() + " rows" + (gz ? " gzip" : ""), f.type,
                gz ? gzip(body) : body).accept(t);
        return gz ? c.gzip() : c;
    }

    static String repeat(char ch, int n) {
        char[] a = new char[n];
        Arrays.fill(a, ch);
        return new String(a);
    }

    static byte[] replace(byte[] body, byte[] marker, byte[] with) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        String m = new String(marker, StandardCharsets.ISO_8859_1);
        return s.replace(m, new String(with, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    // ------------------------------------------------------------------ categories

    @Test
    @Order(1)
    void validRandomBatchesAreAcceptedWithTheirRows() {
        check("valid-random", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            // a batch past the 16,384-row chunk size, so it spans two chunks
            Table big = g.production(17_000, false);
            cases.add(new FuzzCase("valid-random", "NDJSON 17000 rows gzip", NDJSON,
                    gzip(render(g, big, Format.NDJSON_BODY))).accept(big).gzip());
            for (int i = cases.size(); i < n(120); i++) {
                Format f = format(g);
                Table t = g.production(g.rows(), false);
                FuzzCase c = valid(g, "valid-random", t, f);
                cases.add(c);
            }
            // content types the contract accepts, in their other spellings
            String[][] types = {{"text/csv; charset=utf-8", "CSV_BODY"}, {"application/csv", "CSV_BODY"},
                    {"TEXT/CSV", "CSV_BODY"}, {"application/json; charset=UTF-8", "JSON_BODY"},
                    {"application/ndjson", "NDJSON_BODY"}, {"application/jsonl", "NDJSON_BODY"},
                    {"application/jsonlines", "NDJSON_BODY"}, {"application/x-ndjson;charset=utf-8", "NDJSON_BODY"}};
            for (String[] type : types) {
                Table t = g.production(g.between(1, 20), false);
                cases.add(new FuzzCase("valid-random", "type " + type[0], type[0],
                        render(g, t, Format.valueOf(type[1]))).accept(t));
            }
            return cases;
        });
    }

    @Test
    @Order(2)
    void randomBytesAreRejected() {
        check("random-bytes", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            for (int i = 0; i < n(80); i++) {
                int len = switch (g.r.nextInt(10)) {
                    case 0 -> g.between(0, 8);
                    case 1, 2, 3 -> g.between(9, 256);
                    case 4, 5, 6, 7 -> g.between(257, 16_384);
                    case 8 -> g.between(16_385, 262_144);
                    default -> g.between(262_145, 1 << 21);
                };
                byte[] body = switch (g.r.nextInt(4)) {
                    case 0 -> utf8(g.text(Math.max(1, len / 2)));             // valid UTF-8 noise
                    case 1 -> concat(utf8(g.pick("[", "{", "[{", "\"")), g.bytes(len)); // looks like JSON at first
                    default -> g.bytes(len);
                };
                Format f = format(g);
                boolean gz = g.chance(0.25);
                FuzzCase c = new FuzzCase("random-bytes", len + " bytes as " + f + (gz ? " gzip" : ""), f.type,
                        gz && g.chance(0.5) ? gzip(body) : body).reject();
                cases.add(gz ? c.gzip() : c);
            }
            return cases;
        });
    }

    @Test
    @Order(3)
    void malformedCsvIsRejectedAndLenientCsvIsExact() {
        check("csv-malformed", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "csv-malformed";
            for (int i = 0; i < n(90); i++) {
                Table t = g.production(g.between(1, 30), true);
                Gen.CsvStyle style = g.plainCsvStyle();
                List<List<String>> lines = g.csvFields(t, style);
                int line = g.between(1, t.size());
                List<String> fields = lines.get(line);
                int field = g.r.nextInt(fields.size());
                String v = fields.get(field);
                FuzzCase c;
                switch (i % 12) {
                    case 0 -> { // an opening quote that is never closed
                        fields.set(field, "\"" + v);
                        c = new FuzzCase(cat, "unterminated quote", CSV, utf8(g.joinCsv(lines, style))).reject(400);
                    }
                    case 1 -> { // unterminated quote in the header
                        lines.get(0).set(field, "\"" + lines.get(0).get(field));
                        c = new FuzzCase(cat, "unterminated quote in header", CSV, utf8(g.joinCsv(lines, style))).reject(400);
                    }
                    case 2 -> { // text after a closing quote
                        fields.set(field, "\"" + v + "\"" + g.pick("x", " ", "\"", "a\""));
                        c = new FuzzCase(cat, "text after closing quote", CSV, utf8(g.joinCsv(lines, style))).reject(400);
                    }
                    case 3 -> { // a quote inside an unquoted field: read literally
                        int cut = v.isEmpty() ? 0 : v.offsetByCodePoints(0, 1); // never between a surrogate pair
                        String stray = v.isEmpty() ? "a\"b" : v.substring(0, cut) + "\"" + v.substring(cut);
                        fields.set(field, stray);
                        Table expected = t.copy();
                        expected.rows.get(line - 1)[field] = stray;
                        c = new FuzzCase(cat, "stray quote inside unquoted field", CSV,
                                utf8(g.joinCsv(lines, style))).either(expected);
                        // a stray quote in a number column or a required column may still be rejected
                        if (Gen.NUMERIC.contains(t.columns.get(field))) {
                            c.reject(400);
                        }
                    }
                    case 4 -> {
                        fields.add(g.pick("extra", "", "1"));
                        c = new FuzzCase(cat, "one field too many", CSV, utf8(g.joinCsv(lines, style))).reject(400);
                    }
                    case 5 -> {
                        fields.remove(fields.size() - 1);
                        c = new FuzzCase(cat, "one field too few", CSV, utf8(g.joinCsv(lines, style))).reject(400);
                    }
                    case 6 -> {
                        lines.set(line, new ArrayList<>(List.of(g.plain(5))));
                        c = new FuzzCase(cat, "a single field", CSV, utf8(g.joinCsv(lines, style))).reject(400);
                    }
                    case 7 -> {
                        lines.get(0).add(g.pick("", "extra"));
                        c = new FuzzCase(cat, "header has a field more", CSV, utf8(g.joinCsv(lines, style))).reject(400);
                    }
                    case 8 -> { // CR-only line ends are line ends
                        Table full = g.production(g.between(1, 40), false);
                        Gen.CsvStyle s = g.csvStyle();
                        s = new Gen.CsvStyle("\r", s.finalEol(), s.bom(), s.blankLines(), s.quoteAll(), s.quoteMissing(),
                                s.padHeader(), false);
                        c = new FuzzCase(cat, "CR-only line ends", CSV, utf8(g.csv(full, s))).accept(full);
                    }
                    case 9 -> {
                        Table full = g.production(g.between(1, 40), false);
                        Gen.CsvStyle s = g.csvStyle();
                        s = new Gen.CsvStyle("\n", s.finalEol(), s.bom(), 0.2, s.quoteAll(), s.quoteMissing(),
                                s.padHeader(), true);
                        c = new FuzzCase(cat, "mixed line ends and blank lines", CSV, utf8(g.csv(full, s))).accept(full);
                    }
                    case 10 -> { // unquoted CR or LF inside a value splits the row (an empty first part would
                        // only make a blank line, which is skipped, so the part before the break is never empty)
                        fields.set(field, (v.isEmpty() ? "v" : v) + g.pick("\r", "\n", "\r\n") + "x");
                        c = new FuzzCase(cat, "unquoted line break in a field", CSV, utf8(g.joinCsv(lines, style)))
                                .reject(400);
                    }
                    default -> { // the closing quote of the last field is missing at the end of the body
                        List<String> last = lines.get(lines.size() - 1);
                        last.set(last.size() - 1, "\"" + g.plain(6));
                        Gen.CsvStyle s = new Gen.CsvStyle(style.eol(), false, false, 0, 0, 0, false, false);
                        c = new FuzzCase(cat, "unterminated quote at end of body", CSV, utf8(g.joinCsv(lines, s)))
                                .reject(400);
                    }
                }
                cases.add(c);
            }
            return cases;
        });
    }

    /** Texts for numeric columns: wrong types, bad spellings, non-finite values and edge cases. */
    static final List<String> NUMBER_TOKENS = List.of("abc", "one", "1,5", "1.5.2", "0x1A", "0X1p3", "1e999",
            "-1e999", "1E400", "Infinity", "-Infinity", "+Infinity", "infinity", "inf", "-inf", "+inf", "INF", "NaN",
            "nan", "-NaN", "+NaN", "NaNx", "1_000", "1 000", " 1", "1 ", "\t1", "1e", "e5", ".", "-", "+", "--1", "+-1",
            "1..2", "1e5.5", "1e+", "١٢٣", "１２３", "1d", "1f", "1L", "0b101", "true", "false", "null", "∞", "0.0.0",
            "1e-999", "1e+308", "1.7976931348623157e309", "4.9e-324", "00012", "-0", "+.5", "5.", "1e0001", "$5", "5%",
            "(5)", "1/2", "½", "", "1e99999999999", "0." + "1".repeat(398), "0." + "1".repeat(399), "9".repeat(309),
            "9".repeat(308) + ".5");

    @Test
    @Order(4)
    void wrongTypesAreRejectedAndNaNIsMissing() {
        check("wrong-types", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "wrong-types";
            for (int i = 0; i < n(150); i++) {
                Table t = g.production(g.between(1, 20), false);
                Format f = format(g);
                int row = g.r.nextInt(t.size());
                if (i % 6 == 5) { // a required category left empty
                    String column = g.pick(ID, APPROVED, PURPOSE, SEX);
                    if (column.equals(PURPOSE) || column.equals(SEX)) {
                        for (int r = 0; r < t.size(); r++) {
                            t.set(r, column, null);
                        }
                    } else {
                        t.set(row, column, null);
                    }
                    cases.add(new FuzzCase(cat, "empty " + column + " as " + f, f.type, render(g, t, f)).reject(400));
                    continue;
                }
                String column = g.pick(INCOME, SCORE);
                String token = switch (g.r.nextInt(8)) {
                    case 0 -> g.text(6);
                    case 1 -> g.digits(g.between(1, 4)) + g.text(1) + g.digits(g.between(0, 3));
                    default -> g.pick(NUMBER_TOKENS);
                };
                int c = t.col(column);
                boolean valid = column.equals(SCORE) ? Gen.validScore(token) : Gen.validNumber(token);
                byte[] body;
                String how;
                if (f == Format.CSV_BODY) {
                    Gen.CsvStyle style = g.csvStyle();
                    List<List<String>> lines = g.csvFields(t, style);
                    boolean unquotedComma = token.contains(",") && g.chance(0.5);
                    lines.get(row + 1).set(c, unquotedComma ? token : g.csvField(token.isEmpty() ? null : token, style));
                    body = utf8(g.joinCsv(lines, style));
                    valid &= !unquotedComma;
                    how = unquotedComma ? "unquoted" : "field";
                } else if (token.matches("[A-Za-z0-9+.\\-]+") && g.chance(0.5)) {
                    t.rawJson.put(Table.key(row, c), token); // as a bare JSON token
                    valid = token.equals("null") || (Gen.jsonNumber(token) && valid);
                    how = "bare token";
                    if (token.equals("null")) {
                        token = null;
                    }
                    body = render(g, t, f);
                } else {
                    how = "string";
                    t.set(row, column, token);
                    body = render(g, t, f);
                }
                t.set(row, column, token);
                FuzzCase fc = new FuzzCase(cat, column + "=" + abbreviate(token) + " (" + how + ", " + f + ")", f.type, body);
                cases.add(valid ? fc.accept(t) : fc.reject(400));
            }
            return cases;
        });
    }

    /** A short, printable-ASCII rendering of a value for case labels. */
    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < s.length() && i < 24; i++) {
            char ch = s.charAt(i);
            sb.append(ch >= 0x20 && ch <= 0x7E ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
        }
        return sb.append(s.length() <= 24 ? "'" : "…' (" + s.length() + ")").toString();
    }

    @Test
    @Order(5)
    void hugeFieldsAndLinesAreRejectedOrAcceptedWhole() {
        check("huge", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "huge";
            Gen.CsvStyle plain = new Gen.CsvStyle("\n", true, false, 0, 0, 0, false, false);
            Function<Integer, String> letters = len -> {
                StringBuilder sb = new StringBuilder(len);
                for (int i = 0; i < len; i++) {
                    sb.append((char) ('a' + g.r.nextInt(26)));
                }
                return sb.toString();
            };
            // a field just at, and just over, the per-field limit, quoted and not
            for (int len : new int[]{MAX_FIELD, MAX_FIELD + 1, 2 * MAX_FIELD}) {
                for (boolean quoted : new boolean[]{false, true}) {
                    Table t = g.production(3, true);
                    t.set(1, PURPOSE, letters.apply(len));
                    List<List<String>> lines = g.csvFields(t, plain);
                    if (quoted) {
                        lines.get(2).set(t.col(PURPOSE), "\"" + t.get(1, PURPOSE) + "\"");
                    }
                    FuzzCase c = new FuzzCase(cat, "CSV field of " + len + " chars" + (quoted ? " quoted" : ""), CSV,
                            utf8(g.joinCsv(lines, plain)));
                    cases.add(len <= MAX_FIELD ? c.accept(t) : c.reject(400));
                }
            }
            Table t = g.production(2, true);
            t.set(0, INCOME, "1" + "0".repeat(2 * MAX_FIELD));
            cases.add(new FuzzCase(cat, "2 MB number", CSV, utf8(g.csv(t, plain))).reject(400));
            t = g.production(2, false);
            t.set(1, SEX, letters.apply(2 * MAX_FIELD));
            cases.add(new FuzzCase(cat, "2 MB JSON string", JSON, utf8(g.json(t, g.jsonStyle()))).reject(400));
            t = g.production(2, false);
            t.set(1, PURPOSE, letters.apply(MAX_FIELD - 10)); // not sex: a sensitive value names a group (200 chars)
            cases.add(new FuzzCase(cat, "1 MB JSON string", JSON, utf8(g.json(t, g.jsonStyle()))).accept(t));
            t = g.production(2, false);
            t.rawJson.put(Table.key(0, t.col(SCORE)), "0." + g.digits(5000));
            cases.add(new FuzzCase(cat, "5000-digit JSON number", JSON, utf8(g.json(t, g.jsonStyle()))).reject(400));
            String ndjson = g.ndjson(g.production(2, false), g.jsonStyle());
            cases.add(new FuzzCase(cat, "2 MB NDJSON key", NDJSON,
                    utf8("{\"" + letters.apply(2 * MAX_FIELD) + "\":1}\n" + ndjson)).reject(400));
            // a data line of 300,000 fields, a header of 100,000 columns, a 5 MB line without separators
            t = g.production(2, true);
            StringBuilder wide = new StringBuilder(g.csv(t, plain));
            wide.append("a").append(",1".repeat(300_000)).append('\n');
            cases.add(new FuzzCase(cat, "line of 300,000 fields", CSV, utf8(wide.toString())).reject(400));
            StringBuilder header = new StringBuilder(String.join(",", Gen.PRODUCTION));
            for (int i = 0; i < 100_000; i++) {
                header.append(",c").append(i);
            }
            cases.add(new FuzzCase(cat, "header of 100,000 columns", CSV, utf8(header + "\n")).reject(400));
            cases.add(new FuzzCase(cat, "5 MB line without separators", CSV, utf8(letters.apply(5 << 20))).reject(400));
            // many long rows: accepted whole, spread over chunks by their bytes
            t = g.production(60, true);
            for (int r = 0; r < t.size(); r++) {
                t.set(r, PURPOSE, letters.apply(g.between(20_000, 60_000)));
            }
            cases.add(new FuzzCase(cat, "60 rows of up to 60,000 chars", CSV, utf8(g.csv(t, plain))).accept(t));
            // rows of several near-limit fields of 3-byte characters: 15 MB in one row, 18 MB in two
            String euro = repeat('€', MAX_FIELD - 16);
            t = g.production(1, true);
            for (String column : List.of(ID, PURPOSE)) {
                t.set(0, column, euro);
            }
            cases.add(new FuzzCase(cat, "one row of two 1M-char fields of 3-byte chars", CSV,
                    utf8(g.csv(t, plain))).either(t));
            do {
                t = g.production(3, true);
            } while (t.col(DEFAULTED) < 0);
            // the class columns (approved, defaulted) take only classes and sex is a sensitive attribute (at most
            // 200 characters), so the free text goes in id and purpose
            for (String column : List.of(ID, PURPOSE)) {
                for (int r = 0; r < 3; r++) {
                    t.set(r, column, euro.substring(r) + column.substring(0, r));
                }
            }
            // 6.3 MB three times: one chunk would be 18.9 MB, past Kafka's 16 MiB record limit
            cases.add(new FuzzCase(cat, "three rows of two 1M-char fields of 3-byte chars", CSV,
                    utf8(g.csv(t, plain))).accept(t));
            // six such fields in one row cannot fit one record at all: a 400 naming the row, not a 503
            String six = String.join(",", List.of(euro, euro, euro, euro, euro, euro));
            cases.add(new FuzzCase(cat, "one row of six 1M-char fields of 3-byte chars", CSV,
                    utf8(WIDE_HEADER + "\n" + six + ",1\n")).to("reference").model(wideModel).reject(400));
            String five = String.join(",", List.of(euro, euro, euro, euro, euro, "a"));
            Table wideTable = new Table(List.of(WIDE_HEADER.split(",")), Set.of());
            wideTable.rows.add((five + ",1").split(","));
            cases.add(new FuzzCase(cat, "one row of five 1M-char fields of 3-byte chars, wide model", CSV,
                    utf8(WIDE_HEADER + "\n" + five + ",1\n")).to("reference").model(wideModel).accept(wideTable));
            return cases;
        });
    }

    /** Byte sequences that are not UTF-8: bad starts, overlongs, surrogates, beyond U+10FFFF, truncations. */
    static final List<byte[]> INVALID_UTF8 = List.of(bytes(0xFF), bytes(0xFE), bytes(0x80), bytes(0xBF),
            bytes(0xC0, 0x80), bytes(0xC1, 0xBF), bytes(0xE0, 0x80, 0x80), bytes(0xED, 0xA0, 0x80),
            bytes(0xED, 0xBF, 0xBF), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80, 0x80),
            bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xE2, 0x82), bytes(0xC3), bytes(0xF0, 0x9F, 0x98),
            bytes(0xC3, 0xC3));

    @Test
    @Order(6)
    void invalidUtf8IsRejected() {
        check("invalid-utf8", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            byte[] marker = utf8("QQMARKQQ");
            for (int i = 0; i < n(64); i++) {
                byte[] bad = INVALID_UTF8.get(i % INVALID_UTF8.size());
                Format f = i % 4 == 3 ? format(g) : Format.values()[i % 3];
                Table t = g.production(g.between(1, 10), true);
                int row = g.r.nextInt(t.size());
                String column = g.pick(ID, PURPOSE, SEX, APPROVED);
                String where = column;
                byte[] body;
                if (f == Format.CSV_BODY && g.chance(0.15)) {
                    body = utf8(g.csv(t, g.plainCsvStyle()).replaceFirst(column, column + "QQMARKQQ"));
                    where = "header";
                } else if (g.chance(0.1)) { // a multi-byte sequence cut off by the end of the body
                    String text = switch (f) {
                        case CSV_BODY -> g.csv(t, new Gen.CsvStyle("\n", false, false, 0, 0, 0, false, false));
                        case JSON_BODY -> g.json(t, g.jsonStyle());
                        case NDJSON_BODY -> g.ndjson(t, g.jsonStyle());
                    };
                    body = utf8(text + "QQMARKQQ");
                    where = "end of body";
                } else {
                    t.set(row, column, t.get(row, column) == null ? "QQMARKQQ" : t.get(row, column) + "QQMARKQQ");
                    body = render(g, t, f);
                }
                String hex = toHex(bad);
                FuzzCase c = new FuzzCase("invalid-utf8", hex + " in " + where + " (" + f + ")",
                        f == Format.CSV_BODY && g.chance(0.3) ? "text/csv; charset=utf-8" : f.type,
                        replace(body, marker, bad)).reject(400);
                cases.add(g.chance(0.15) ? new FuzzCase(c.category, c.label + " gzip", c.contentType, gzip(c.body))
                        .reject(400).gzip() : c);
            }
            return cases;
        });
    }

    static String toHex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x & 0xFF));
        }
        return sb.toString();
    }

    @Test
    @Order(7)
    void brokenGzipIsRejected() {
        check("gzip", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "gzip";
            for (int i = 0; i < n(24); i++) {
                Format f = format(g);
                Table t = g.production(g.between(1, 300), false);
                byte[] gz = gzip(render(g, t, f));
                int cut = g.r.nextInt(gz.length);
                cases.add(new FuzzCase(cat, "truncated at " + cut + " of " + gz.length + " (" + f + ")", f.type,
                        Arrays.copyOf(gz, cut)).reject(400).gzip());
            }
            for (int i = 0; i < n(12); i++) {
                Format f = format(g);
                Table t = g.production(g.between(1, 300), false);
                byte[] gz = gzip(render(g, t, f));
                int at = g.between(10, gz.length - 1);
                gz[at] ^= (byte) (1 << g.r.nextInt(8));
                cases.add(new FuzzCase(cat, "bit flipped at " + at + " of " + gz.length + " (" + f + ")", f.type, gz)
                        .either(t).gzip());
            }
            for (int i = 0; i < n(10); i++) {
                Format f = format(g);
                byte[] body = i % 3 == 0 ? g.bytes(g.between(1, 5000)) : render(g, g.production(g.between(1, 50), false), f);
                cases.add(new FuzzCase(cat, (i % 3 == 0 ? "random bytes" : "plain " + f) + " declared gzip", f.type, body)
                        .reject(400).gzip());
            }
            for (int i = 0; i < n(4); i++) {
                Format f = g.pick(Format.CSV_BODY, Format.NDJSON_BODY);
                Table t = g.production(g.between(2, 200), false);
                byte[] body = render(g, t, f);
                int split = g.between(1, body.length - 1);
                cases.add(new FuzzCase(cat, "two gzip members (" + f + ")", f.type,
                        concat(gzip(Arrays.copyOf(body, split)), gzip(Arrays.copyOfRange(body, split, body.length))))
                        .accept(t).gzip());
            }
            for (int i = 0; i < n(3); i++) {
                Table t = g.production(g.between(1, 50), false);
                cases.add(new FuzzCase(cat, "trailing garbage after the gzip member", CSV,
                        concat(gzip(render(g, t, Format.CSV_BODY)), g.bytes(g.between(1, 40)))).either(t).gzip());
            }
            Table t = g.production(5, false);
            cases.add(new FuzzCase(cat, "gzipped twice", CSV, gzip(gzip(render(g, t, Format.CSV_BODY)))).reject().gzip());
            cases.add(new FuzzCase(cat, "gzip header only", CSV, Arrays.copyOf(gzip(new byte[0]), 10)).reject(400).gzip());
            cases.add(new FuzzCase(cat, "empty body declared gzip", CSV, new byte[0]).reject(400).gzip());
            cases.add(new FuzzCase(cat, "gzip of nothing", CSV, gzip(new byte[0])).reject(400).gzip());
            // small on the wire, large inflated: rejected early by the field limit or as empty
            cases.add(new FuzzCase(cat, "bomb: 64 MB of '0'", CSV, gzip(utf8(repeat('0', 64 << 20)))).reject(400).gzip());
            cases.add(new FuzzCase(cat, "bomb: 32 MB of newlines", CSV, gzip(utf8(repeat('\n', 32 << 20)))).reject(400)
                    .gzip());
            cases.add(new FuzzCase(cat, "bomb: '[' and 32 MB of blanks", JSON,
                    gzip(utf8("[" + repeat(' ', 32 << 20)))).reject(400).gzip());
            t = g.production(3, false);
            cases.add(new FuzzCase(cat, "Content-Encoding GZIP", CSV, gzip(render(g, t, Format.CSV_BODY))).accept(t)
                    .encoding("GZIP"));
            t = g.production(3, false);
            cases.add(new FuzzCase(cat, "Content-Encoding ' gzip '", JSON, gzip(render(g, t, Format.JSON_BODY))).accept(t)
                    .encoding(" gzip "));
            return cases;
        });
    }

    /** One valid production row as a JSON object. */
    static final String ROW = "{\"application_id\":\"a1\",\"income\":1.5,\"purpose\":\"car\",\"sex\":\"male\","
            + "\"approved\":\"1\",\"score\":0.5}";

    @Test
    @Order(8)
    void deeplyNestedJsonIsRejected() {
        check("deep-nesting", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "deep-nesting";
            int d = 10_000;
            String arrays = "[".repeat(d) + "]".repeat(d);
            String objects = "{\"a\":".repeat(d) + "1" + "}".repeat(d);
            String rowObject = ROW;
            String rowPrefix = rowObject.substring(0, rowObject.length() - 1) + ",\"deep\":";
            StringBuilder mixed = new StringBuilder();
            for (int i = 0; i < d; i++) {
                mixed.append(g.chance(0.5) ? "[" : "{\"k" + i + "\":");
            }
            cases.add(new FuzzCase(cat, "arrays depth 10,000", JSON, utf8(arrays)).reject(400));
            cases.add(new FuzzCase(cat, "arrays depth 10,000 unclosed", JSON, utf8("[".repeat(d))).reject(400));
            cases.add(new FuzzCase(cat, "objects depth 10,000", JSON, utf8(objects)).reject(400));
            cases.add(new FuzzCase(cat, "objects depth 10,000 in an array", JSON, utf8("[" + objects + "]")).reject(400));
            cases.add(new FuzzCase(cat, "mixed depth 10,000 unclosed", JSON, utf8(mixed.toString())).reject(400));
            cases.add(new FuzzCase(cat, "mixed depth 10,000 in a row value", JSON, utf8("[" + rowPrefix + mixed)).reject(400));
            cases.add(new FuzzCase(cat, "arrays depth 10,000 in a row value", JSON,
                    utf8("[" + rowPrefix + arrays + "}]")).reject(400));
            cases.add(new FuzzCase(cat, "objects depth 10,000 in a row value", JSON,
                    utf8("[" + rowPrefix + objects + "}]")).reject(400));
            cases.add(new FuzzCase(cat, "NDJSON objects depth 10,000", NDJSON, utf8(rowObject + "\n" + objects + "\n"))
                    .reject(400));
            cases.add(new FuzzCase(cat, "NDJSON arrays depth 10,000", NDJSON, utf8(arrays + "\n" + rowObject)).reject(400));
            cases.add(new FuzzCase(cat, "NDJSON row value depth 10,000", NDJSON, utf8(rowPrefix + arrays + "}\n"))
                    .reject(400));
            cases.add(new FuzzCase(cat, "arrays depth 1,000,000 gzip", JSON,
                    gzip(utf8("[".repeat(1_000_000) + "]".repeat(1_000_000)))).reject(400).gzip());
            for (int depth : new int[]{1, 20, 31, 32, 33, 100}) {
                cases.add(new FuzzCase(cat, "row value nested " + depth + " deep", JSON,
                        utf8("[" + rowPrefix + "[".repeat(depth) + "]".repeat(depth) + "}]")).reject(400));
            }
            // brackets as text are just text
            Table text = g.production(2, true);
            text.set(0, PURPOSE, "[".repeat(d));
            text.set(1, PURPOSE, "{\"a\":".repeat(1000));
            cases.add(new FuzzCase(cat, "10,000 brackets as CSV text", CSV, render(g, text, Format.CSV_BODY)).accept(text));
            cases.add(new FuzzCase(cat, "10,000 brackets as a JSON string", JSON, render(g, text, Format.JSON_BODY))
                    .accept(text));
            return cases;
        });
    }

    @Test
    @Order(9)
    void jsonOfTheWrongShapeIsRejected() {
        check("json-shape", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "json-shape";
            String row0 = ROW;
            String arr = "[" + ROW + "," + ROW.replace("a1", "a2") + "]";
            String income = "{\"application_id\":\"a\",\"purpose\":\"car\",\"sex\":\"m\",\"approved\":\"1\",\"score\":0.5,"
                    + "\"income\":";
            List<String> bad = List.of("{}", row0, "\"rows\"", "1", "-1.5e3", "null", "true", "false", "[1,2,3]",
                    "[null]", "[\"a\"]", "[[]]", "[{}]", "[" + row0 + ",1]", "[" + row0 + ",null]", arr + "x", arr + "[]",
                    arr + arr, "[][]", "[]", " [ ] ", "[" + row0 + ",]", "[," + row0 + "]", "/* c */" + arr,
                    arr.replace('"', '\''), "[" + income + "NaN}]", "[" + income + "Infinity}]", "[" + income + "-Infinity}]",
                    "[" + income + "0x10}]", "[" + income + "1,}]", "[" + income + "}]", "[" + income + "01}]",
                    "[" + income + "+1}]", "[" + income + ".5}]", "[" + income + "1.}]", "[" + income + "\"1\"",
                    "[" + row0, "[" + row0.substring(0, row0.length() / 2), "]", "[{\"income\" 1}]", "[{1:2}]",
                    "[{\"income\":1 \"score\":2}]", "\"\\ud800\"");
            for (String body : bad) {
                cases.add(new FuzzCase(cat, "application/json " + abbreviate(body), JSON, utf8(body)).reject(400));
            }
            List<String> badNd = List.of("[" + row0 + "]", "1\n2", "null", "\"x\"", "[]", "{}", "true\n" + row0,
                    row0 + "\n]", row0 + ",\n" + row0);
            for (String body : badNd) {
                cases.add(new FuzzCase(cat, "application/x-ndjson " + abbreviate(body), NDJSON, utf8(body)).reject(400));
            }
            Table bom = g.production(3, false);
            cases.add(new FuzzCase(cat, "UTF-8 BOM before the array", JSON,
                    concat(bytes(0xEF, 0xBB, 0xBF), render(g, bom, Format.JSON_BODY))).either(bom));
            return cases;
        });
    }

    @Test
    @Order(10)
    void ndjsonWithABadLineIsRejectedWhole() {
        check("ndjson-lines", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "ndjson-lines";
            for (int i = 0; i < n(40); i++) {
                Table t = g.production(g.between(2, 30), false);
                String eol = g.pick("\n", "\r\n");
                List<String> lines = new ArrayList<>();
                Gen.JsonStyle style = new Gen.JsonStyle(false, g.chance(0.3) ? 0.5 : 0, 0.5, 0, 0.5);
                for (int r = 0; r < t.size(); r++) {
                    StringBuilder sb = new StringBuilder();
                    g.jsonObject(sb, t, r, style);
                    lines.add(sb.toString());
                }
                int at = g.r.nextInt(lines.size());
                String line = lines.get(at);
                boolean ok = false;
                String kind;
                switch (i % 14) {
                    case 0 -> lines.set(at, kind = "not json " + g.plain(12)); // never a blank line
                    case 1 -> lines.set(at, kind = "[1,2]");
                    case 2 -> lines.set(at, kind = "\"a string\"");
                    case 3 -> lines.set(at, kind = "42");
                    case 4 -> lines.set(at, kind = "null");
                    case 5 -> lines.set(at, kind = g.pick("{", "}", "{\"income\":}", "{\"income\" 1}"));
                    case 6 -> {
                        kind = "truncated object";
                        lines.set(at, line.substring(0, g.between(1, line.length() - 1)));
                    }
                    case 7 -> {
                        kind = "unknown key";
                        lines.set(at, line.substring(0, line.length() - 1) + ",\"colour\":\"red\"}");
                    }
                    case 8 -> {
                        kind = "nested value";
                        lines.set(at, line.substring(0, line.length() - 1) + ",\"x\":{\"y\":[1]}}");
                    }
                    case 9 -> lines.set(at, kind = "{}");
                    case 10 -> {
                        kind = "missing prediction";
                        Table copy = t.copy();
                        copy.set(at, APPROVED, null);
                        StringBuilder sb = new StringBuilder();
                        g.jsonObject(sb, copy, at, new Gen.JsonStyle(false, 0, 0, 0, 0));
                        lines.set(at, sb.toString());
                    }
                    case 11 -> {
                        kind = "blank and whitespace lines";
                        lines.add(at, g.pick("", " ", "\t", "  \t "));
                        ok = true;
                    }
                    case 12 -> {
                        kind = "a string with a raw line break";
                        lines.set(at, line.substring(0, line.length() - 1) + ",\"x\":\"a\nb\"}");
                    }
                    default -> {
                        kind = "last line without its closing brace";
                        at = lines.size() - 1;
                        String last = lines.get(at);
                        lines.set(at, last.substring(0, last.length() - 1));
                    }
                }
                FuzzCase c = new FuzzCase(cat, abbreviate(kind) + " at line " + (at + 1) + " of " + lines.size(), NDJSON,
                        utf8(String.join(eol, lines) + (g.chance(0.5) ? eol : "")));
                cases.add(ok ? c.accept(t) : c.reject(400));
            }
            return cases;
        });
    }

    @Test
    @Order(11)
    void duplicateColumnsAreRejected() {
        check("duplicate-header", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "duplicate-header";
            for (int i = 0; i < n(24); i++) {
                Table t = g.production(g.between(1, 10), true);
                Gen.CsvStyle style = g.plainCsvStyle();
                List<List<String>> lines = g.csvFields(t, style);
                int c = g.r.nextInt(t.columns.size());
                String name = t.columns.get(c);
                String dup;
                switch (i % 6) {
                    case 0 -> dup = name;
                    case 1 -> dup = " " + name + " ";
                    case 2 -> dup = "\"" + name + "\"";
                    case 3 -> dup = name.toUpperCase();
                    case 4 -> dup = "extra";
                    default -> dup = "";
                }
                lines.get(0).add(dup);
                if (i % 6 == 4) {
                    lines.get(0).add("extra");
                    for (int r = 1; r < lines.size(); r++) {
                        lines.get(r).add("x");
                    }
                }
                for (int r = 1; r < lines.size(); r++) {
                    lines.get(r).add(lines.get(r).get(c));
                }
                cases.add(new FuzzCase(cat, "CSV header with '" + dup + "' after " + name, CSV,
                        utf8(g.joinCsv(lines, style))).reject(400));
            }
            // every column twice
            Table t = g.production(3, true);
            List<List<String>> lines = g.csvFields(t, g.plainCsvStyle());
            lines.replaceAll(l -> {
                List<String> twice = new ArrayList<>(l);
                twice.addAll(l);
                return twice;
            });
            cases.add(new FuzzCase(cat, "every column twice", CSV, utf8(String.join("\n", lines.stream()
                    .map(l -> String.join(",", l)).toList()))).reject(400));
            // JSON objects with a repeated key: if accepted, the last value counts
            for (int i = 0; i < n(8); i++) {
                Table t2 = g.production(g.between(1, 10), false);
                int row = g.r.nextInt(t2.size());
                String column = g.pick(PURPOSE, INCOME, APPROVED);
                String first = column.equals(INCOME) ? "\"1\"" : "\"first\"";
                Format f = g.pick(Format.JSON_BODY, Format.NDJSON_BODY);
                String body = new String(render(g, t2, f), StandardCharsets.UTF_8);
                int start = nthObject(body, row);
                body = body.substring(0, start + 1) + "\"" + column + "\":" + first + "," + body.substring(start + 1);
                cases.add(new FuzzCase(cat, "JSON key " + column + " twice in row " + (row + 1) + " (" + f + ")", f.type,
                        utf8(body)).either(t2));
            }
            return cases;
        });
    }

    /** Index of the opening brace of the n-th row object (rows hold no braces outside strings here). */
    private static int nthObject(String body, int n) {
        int depth = 0;
        int seen = -1;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{') {
                if (depth == 0 && ++seen == n) {
                    return i;
                }
                depth++;
            } else if (ch == '}') {
                depth--;
            }
        }
        throw new IllegalStateException("no row " + n);
    }

    @Test
    @Order(12)
    void headerOnlyAndEmptyBodiesAreRejected() {
        check("header-only+empty", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "header-only+empty";
            String header = String.join(",", g.shuffled(Gen.PRODUCTION));
            for (String eol : List.of("", "\n", "\r\n", "\r", "\n\n\n", "\r\n\r\n", "\n \n")) {
                cases.add(new FuzzCase(cat, "header only + " + abbreviate(eol), CSV, utf8(header + eol)).reject(400));
            }
            cases.add(new FuzzCase(cat, "BOM + header", CSV, utf8("\uFEFF" + header + "\n")).reject(400));
            cases.add(new FuzzCase(cat, "quoted, padded header", CSV,
                    utf8("\" " + header.replace(",", " \",\" ") + " \"\n")).reject(400));
            cases.add(new FuzzCase(cat, "header with label and only", CSV, utf8(header + ",defaulted\n")).reject(400));
            cases.add(new FuzzCase(cat, "header only gzip", CSV, gzip(utf8(header + "\n"))).reject(400).gzip());
            cases.add(new FuzzCase(cat, "header and a row of empty fields", CSV, utf8(header + "\n,,,,,\n")).reject(400));
            cases.add(new FuzzCase(cat, "blank lines only", CSV, utf8("\n\r\n\r\n")).reject(400));
            for (String body : List.of("[]", " [ ] ", "[\n]")) {
                cases.add(new FuzzCase(cat, "JSON " + abbreviate(body), JSON, utf8(body)).reject(400));
            }
            for (String body : List.of("", "\n\n", "   ", "\r\n \t")) {
                cases.add(new FuzzCase(cat, "NDJSON " + abbreviate(body), NDJSON, utf8(body)).reject(400));
            }
            // empty bodies under every type and encoding
            for (String type : List.of(CSV, JSON, NDJSON, "application/csv", "text/csv; charset=utf-16")) {
                cases.add(new FuzzCase(cat, "empty " + type, type, new byte[0]).reject(400));
            }
            cases.add(new FuzzCase(cat, "empty, identity encoding", CSV, new byte[0]).reject(400).encoding("identity"));
            cases.add(new FuzzCase(cat, "empty JSON, gzip", JSON, new byte[0]).reject(400).gzip());
            cases.add(new FuzzCase(cat, "empty, no Content-Type", null, new byte[0]).reject(415));
            cases.add(new FuzzCase(cat, "empty, unknown type", "application/xml", new byte[0]).reject(415));
            return cases;
        });
    }

    @Test
    @Order(13)
    void contentTypesAndEncodings() {
        check("content-type", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "content-type";
            for (String type : List.of("application/xml", "text/plain", "application/octet-stream", "image/png",
                    "text/html", "application/vnd.ms-excel", "application/jsonx", "text/csvx", "foo/bar",
                    "application/problem+json", "text/tab-separated-values", "application/x-yaml", "*/*",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
                    "text/csv; charset=x-no-such-charset", "text/csv; charset=", "text/csv; charset=\"\"")) {
                Table t = g.production(g.between(1, 5), false);
                FuzzCase c = new FuzzCase(cat, "type " + type, type, render(g, t, Format.CSV_BODY));
                // the framework may answer form and multipart bodies itself: any 4xx will do
                cases.add(type.startsWith("multipart/") || type.contains("form-urlencoded") ? c.reject() : c.reject(415));
            }
            Table t = g.production(3, false);
            cases.add(new FuzzCase(cat, "no Content-Type", null, render(g, t, Format.CSV_BODY)).reject(415));
            // odd spellings: any 2xx must be exact, any 4xx a problem
            for (String type : List.of("text", "text/", "/csv", ";", "text/csv;", "text/csv; charset",
                    "text/csv; charset=utf-8; charset=latin1", "text/csv, application/json", "text/csv; header=present",
                    "text/csv ; charset = utf-8", "Text/Csv; Charset=\"UTF-8\"")) {
                Table t2 = g.production(g.between(1, 5), false);
                cases.add(new FuzzCase(cat, "odd type " + type, type, render(g, t2, Format.CSV_BODY)).either(t2));
            }
            // declared charsets are honoured
            record Charsets(String type, Charset charset, boolean ascii) {
            }
            for (Charsets cs : List.of(new Charsets("text/csv; charset=UTF-16", StandardCharsets.UTF_16, false),
                    new Charsets("text/csv; charset=utf-16le", StandardCharsets.UTF_16LE, false),
                    new Charsets("text/csv; charset=UTF-32", Charset.forName("UTF-32"), false),
                    new Charsets("text/csv; charset=ISO-8859-1", StandardCharsets.ISO_8859_1, true),
                    new Charsets("text/csv; charset=windows-1252", Charset.forName("windows-1252"), true))) {
                Table t2 = g.production(g.between(1, 20), true);
                if (cs.ascii()) {
                    for (String[] row : t2.rows) {
                        for (int c = 0; c < row.length; c++) {
                            row[c] = row[c] == null ? null : row[c].replaceAll("[^\\x20-\\x7E]", "?");
                        }
                    }
                }
                Gen.CsvStyle s = g.csvStyle();
                s = new Gen.CsvStyle(s.eol(), s.finalEol(), false, s.blankLines(), s.quoteAll(), s.quoteMissing(),
                        s.padHeader(), s.mixedEol());
                cases.add(new FuzzCase(cat, cs.type(), cs.type(), g.csv(t2, s).getBytes(cs.charset())).accept(t2));
            }
            Table utf8AsUtf16 = g.production(3, true);
            cases.add(new FuzzCase(cat, "UTF-8 bytes declared UTF-16", "text/csv; charset=UTF-16",
                    render(g, utf8AsUtf16, Format.CSV_BODY)).reject(400));
            for (String enc : List.of("br", "deflate", "compress", "x-gzip", "gzip, identity", "zstd", "gzip;q=1",
                    "*")) {
                Table t2 = g.production(2, false);
                cases.add(new FuzzCase(cat, "Content-Encoding " + enc, CSV, render(g, t2, Format.CSV_BODY)).reject(415)
                        .encoding(enc));
            }
            for (String enc : List.of("identity", "IDENTITY", " identity ")) {
                Table t2 = g.production(2, false);
                cases.add(new FuzzCase(cat, "Content-Encoding " + abbreviate(enc), NDJSON, render(g, t2,
                        Format.NDJSON_BODY)).accept(t2).encoding(enc));
            }
            Table t3 = g.production(2, false);
            cases.add(new FuzzCase(cat, "gzip body, unknown type", "application/xml", gzip(render(g, t3,
                    Format.CSV_BODY))).reject(415).gzip());
            return cases;
        });
    }

    @Test
    @Order(14)
    void mutatedValidBodies() {
        check("mutations", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            for (int i = 0; i < n(180); i++) {
                Format f = format(g);
                Table t = g.production(g.between(1, 60), g.chance(0.3));
                byte[] body = g.mutate(render(g, t, f));
                boolean gz = g.chance(0.2);
                FuzzCase c = new FuzzCase("mutations", f + " " + t.size() + " rows mutated" + (gz ? ", gzip" : ""),
                        f.type, gz ? gzip(body) : body).either(null);
                cases.add(gz ? c.gzip() : c);
            }
            return cases;
        });
    }

    @Test
    @Order(15)
    void referenceAndLabelUploads() {
        check("reference+labels", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "reference+labels";
            for (int i = 0; i < n(24); i++) {
                Format f = format(g);
                Table t = g.reference(g.between(1, 200));
                String label = "reference " + f + " " + t.size() + " rows" + (t.col(ID) < 0 ? ", no id column"
                        : ", " + t.rows.stream().filter(r -> r[t.col(ID)] == null).count() + " empty ids");
                cases.add(new FuzzCase(cat, label, f.type, render(g, t, f)).to("reference").model(referenceModel)
                        .accept(t));
            }
            for (int i = 0; i < n(6); i++) {
                Format f = format(g);
                Table t = g.reference(g.between(1, 50));
                cases.add(new FuzzCase(cat, "reference " + f + " mutated", f.type, g.mutate(render(g, t, f)))
                        .to("reference").model(referenceModel).either(null));
            }
            for (int i = 0; i < n(12); i++) {
                Format f = format(g);
                Table t = g.labels(g.between(1, 200));
                cases.add(new FuzzCase(cat, "labels " + f + " " + t.size() + " rows", f.type, render(g, t, f))
                        .to("labels").accept(t));
            }
            for (int i = 0; i < n(6); i++) {
                Format f = format(g);
                Table t = g.labels(g.between(2, 20));
                String kind;
                if (i % 3 == 0) {
                    t.set(g.r.nextInt(t.size()), ID, null);
                    kind = "an empty id";
                } else if (i % 3 == 1) {
                    t.set(g.r.nextInt(t.size()), DEFAULTED, null);
                    kind = "an empty label";
                } else {
                    t = g.production(g.between(1, 5), false);
                    kind = "production columns";
                }
                cases.add(new FuzzCase(cat, "labels " + f + " with " + kind, f.type, render(g, t, f)).to("labels")
                        .reject(400));
            }
            return cases;
        });
    }

    @Test
    @Order(16)
    void requestParameters() {
        check("request-params", g -> {
            List<FuzzCase> cases = new ArrayList<>();
            String cat = "request-params";
            for (String id : List.of("no-such-model", "UPPER", "a".repeat(300), "x_y", "1")) {
                Table t = g.production(2, false);
                cases.add(new FuzzCase(cat, "model " + abbreviate(id), CSV, render(g, t, Format.CSV_BODY)).model(id)
                        .reject());
            }
            for (String at : List.of("yesterday", "2026-13-45T00:00:00Z", "2026-11-21", "1700000000", "T", "2026-11-21T10:00:00",
                    "2999-01-01T00:00:00Z", "2200-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z")) {
                Table t = g.production(2, false);
                cases.add(new FuzzCase(cat, "at=" + at, CSV, render(g, t, Format.CSV_BODY)).at(at).reject(400));
            }
            // Not 1970 itself: the metric services of the same build analyse what this test publishes, and the alert
            // service's retention test counts on no batch older than 2001 in the shared test database.
            for (String at : List.of("2026-11-21T10:00:00Z", "2026-11-21T10:00:00+05:30", "2026-11-21T10:00:00.123456789Z",
                    "2199-12-31T23:59:59Z", "")) {
                Table t = g.production(2, false);
                cases.add(new FuzzCase(cat, "at=" + abbreviate(at), CSV, render(g, t, Format.CSV_BODY)).at(at).accept(t));
            }
            Table t = g.production(2, false);
            cases.add(new FuzzCase(cat, "Idempotency-Key of 201 chars", CSV, render(g, t, Format.CSV_BODY))
                    .header("Idempotency-Key", "k".repeat(201)).reject(400));
            String key = "fuzz-" + SEED + "-" + System.nanoTime();
            t = g.production(3, false);
            cases.add(new FuzzCase(cat, "Idempotency-Key first use", CSV, render(g, t, Format.CSV_BODY))
                    .header("Idempotency-Key", key).accept(t));
            for (int i = 0; i < 3; i++) {
                Format f = format(g);
                FuzzCase again = new FuzzCase(cat, "Idempotency-Key repeated (" + f + ")", f.type,
                        render(g, g.production(g.between(1, 5), false), f)).header("Idempotency-Key",
                        i == 1 ? " " + key + " " : key).accept(null);
                again.repeat = true;
                cases.add(again);
            }
            t = g.production(2, false);
            cases.add(new FuzzCase(cat, "blank Idempotency-Key", CSV, render(g, t, Format.CSV_BODY))
                    .header("Idempotency-Key", "   ").accept(t));
            return cases;
        });
    }
}
