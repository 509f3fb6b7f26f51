package io.modeltrust.ingest.fuzz;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeltrust.ingest.TopicProbe;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchAssembler;
import io.modeltrust.model.batch.BatchRecordCodec;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Posts fuzz cases one by one and checks each answer; then, per group of cases, reads what reached
 * monitoring.batches and checks that only the accepted cases published, each exactly its rows.
 * End offsets are taken after every case, so a stray record is pinned to the request that wrote it.
 */
final class FuzzRunner implements AutoCloseable {

    /** A request that has not been answered by then is a hang. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int GROUP = 50;
    private static final int STREAM_ABOVE = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counts of one category. */
    static final class Stats {
        int cases;
        long millis;
        long slowestMillis;
        String slowest = "";
        final Map<Integer, Integer> statuses = new TreeMap<>();

        int count(int from, int to) {
            int n = 0;
            for (var e : statuses.entrySet()) {
                if (e.getKey() >= from && e.getKey() < to) {
                    n += e.getValue();
                }
            }
            return n;
        }
    }

    /** What one case did: its answer and the end offsets around it. */
    private record Outcome(FuzzCase c, int status, String batchId, long rows, boolean published,
                           Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
    }

    private final TopicProbe probe;
    private final String defaultModel;
    /** Keys (model ids) whose records must come from accepted cases: the suite's models and any id a case posts to. */
    private final Set<String> models = new HashSet<>();
    /** Records of other producers (other keys) seen while checking; ignored, counted for the report. */
    long foreignRecords;
    private final RestAssuredConfig config;
    private final Map<String, String> batchOfKey = new HashMap<>();
    final Map<String, Stats> stats = new LinkedHashMap<>();
    private ExecutorService http = newExecutor();

    FuzzRunner(TopicProbe probe, String defaultModel, Set<String> models) {
        this.probe = probe;
        this.defaultModel = defaultModel;
        this.models.addAll(models);
        int timeoutMs = (int) REQUEST_TIMEOUT.toMillis();
        // Bytes go out exactly as generated: no charset appended to text/* types behind our back.
        this.config = RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY))
                .httpClient(RestAssured.config().getHttpClientConfig()
                        .setParam("http.socket.timeout", timeoutMs)
                        .setParam("http.connection.timeout", 5000));
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-http");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the cases of one category; returns a description of every failed property. */
    List<String> run(String category, List<FuzzCase> cases) {
        Stats s = stats.computeIfAbsent(category, k -> new Stats());
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int from = 0; from < cases.size(); from += GROUP) {
            List<FuzzCase> group = cases.subList(from, Math.min(cases.size(), from + GROUP));
            group.stream().filter(c -> c.model != null).forEach(c -> models.add(c.model));
            Map<TopicPartition, Long> start = probe.endOffsets();
            Map<TopicPartition, Long> before = start;
            List<Outcome> outcomes = new ArrayList<>(group.size());
            for (FuzzCase c : group) {
                long t0 = System.nanoTime();
                Outcome o = post(c, before, failures);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                s.cases++;
                s.statuses.merge(o.status(), 1, Integer::sum);
                if (ms > 1000) {
                    System.out.println("fuzz: slow case, " + ms + " ms: " + c.category + "/" + c.label);
                }
                if (ms > s.slowestMillis) {
                    s.slowestMillis = ms;
                    s.slowest = c.label;
                }
                outcomes.add(o);
                before = o.after();
            }
            checkTopic(start, outcomes, failures);
        }
        s.millis += (System.nanoTime() - started) / 1_000_000;
        return failures;
    }

    private Outcome post(FuzzCase c, Map<TopicPartition, Long> before, List<String> failures) {
        String model = c.model != null ? c.model : defaultModel;
        String path = "/api/v1/models/" + model + "/" + c.endpoint;
        Future<Response> call = http.submit(() -> {
            // Up to 1 MiB the bytes go with a Content-Length; bigger bodies are streamed (chunked), which
            // is also several times faster than RestAssured's byte[] path for bodies of many MB.
            RequestSpecification req = given().config(config);
            if (c.body.length <= STREAM_ABOVE) {
                req.body(c.body);
            } else {
                req.body(new ByteArrayInputStream(c.body));
            }
            if (c.contentType == null) {
                req.noContentType();
            } else {
                req.contentType(c.contentType);
            }
            if (c.contentEncoding != null) {
                req.header("Content-Encoding", c.contentEncoding);
            }
            c.headers.forEach(req::header);
            if (c.at != null) {
                req.queryParam("at", c.at);
            }
            return req.post(path);
        });
        Response response = null;
        try {
            response = call.get(REQUEST_TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            http.shutdownNow();
            http = newExecutor();
            failures.add("HANG: no answer within " + REQUEST_TIMEOUT.toSeconds() + " s: " + c);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failures.add("NO ANSWER: " + cause + (cause.getMessage() != null && cause.getMessage().contains("timed out")
                    ? " (hang)" : "") + ": " + c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<TopicPartition, Long> after = probe.endOffsets();
        if (response == null) {
            return new Outcome(c, -1, null, -1, false, before, after);
        }
        int status = response.statusCode();
        byte[] raw = response.asByteArray();
        String text = abbreviate(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
        String failure = null;
        String batchId = null;
        long rows = -1;
        boolean published = false;
        if (status >= 500) {
            failure = "5xx: " + status + " " + text;
        } else if (status < 200 || (status >= 300 && status < 400)) {
            failure = "status " + status + " is neither 2xx nor 4xx: " + text;
        } else if (status >= 400) {
            failure = checkProblem(status, response.contentType(), raw);
            if (failure == null && c.expect == FuzzCase.Expect.ACCEPT) {
                failure = "a valid upload was rejected: " + status + " " + text;
            } else if (failure == null && c.status != null && status != c.status) {
                failure = "expected " + c.status + ", got " + status + " " + text;
            }
        } else {
            int expected = c.endpoint.equals("reference") ? 201 : 202;
            JsonNode receipt = parse(raw);
            if (c.expect == FuzzCase.Expect.REJECT) {
                failure = "bad input was accepted: " + status + " " + text;
            } else if (status != expected) {
                failure = "expected " + expected + " for an accepted upload, got " + status + " " + text;
            } else if (receipt == null || !receipt.path("batchId").isTextual() || !receipt.path("rows").canConvertToLong()) {
                failure = "the receipt lacks batchId or rows: " + text;
            } else {
                batchId = receipt.get("batchId").asText();
                rows = receipt.get("rows").asLong();
                published = !c.repeat;
                if (c.table != null && rows != c.table.size()) {
                    failure = "the receipt says " + rows + " rows, " + c.table.size() + " were posted";
                } else if (!model.equals(receipt.path("modelId").asText())) {
                    failure = "the receipt names model " + receipt.path("modelId").asText();
                }
                String key = c.headers.get("Idempotency-Key");
                if (key != null && !key.isBlank()) {
                    String first = batchOfKey.putIfAbsent(key.trim(), batchId);
                    if (c.repeat && !batchId.equals(first)) {
                        failure = "a repeated Idempotency-Key got batch " + batchId + ", the first upload got " + first;
                    }
                }
            }
        }
        if (failure != null) {
            failures.add(failure + " — " + c);
        }
        return new Outcome(c, status, batchId, rows, published, before, after);
    }

    /** Null when a 4xx body is a proper problem+json with status, title and detail. */
    private static String checkProblem(int status, String contentType, byte[] raw) {
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "a " + status + " came as " + contentType + ", not application/problem+json: " + abbreviate(new String(raw));
        }
        JsonNode p = parse(raw);
        if (p == null) {
            return "a " + status + " problem is not JSON: " + abbreviate(new String(raw));
        }
        if (p.path("status").asInt(-1) != status) {
            return "problem status " + p.path("status") + " does not match the HTTP status " + status;
        }
        if (!p.path("title").isTextual() || p.get("title").asText().isBlank()) {
            return "a " + status + " problem has no title: " + abbreviate(p.toString());
        }
        if (!p.path("detail").isTextual() || p.get("detail").asText().isBlank()) {
            return "a " + status + " problem has no detail: " + abbreviate(p.toString());
        }
        return null;
    }

    /**
     * Reads every record the group's requests left on the topic: records of our models must belong
     * to an accepted case, lie between the end offsets taken before and after its request (so they
     * were acknowledged before the answer) and assemble to exactly the reported (and posted) rows.
     */
    private void checkTopic(Map<TopicPartition, Long> start, List<Outcome> outcomes, List<String> failures) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byBatch = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : probe.recordsSince(start)) {
            if (r.key() != null && models.contains(r.key())) {
                byBatch.computeIfAbsent(String.valueOf(TopicProbe.batchIdOf(r)), k -> new ArrayList<>()).add(r);
            } else {
                foreignRecords++;
            }
        }
        Map<String, Outcome> accepted = new HashMap<>();
        for (Outcome o : outcomes) {
            if (o.published()) {
                accepted.put(o.batchId(), o);
            }
        }
        for (var e : byBatch.entrySet()) {
            Outcome o = accepted.get(e.getKey());
            if (o == null) {
                ConsumerRecord<String, byte[]> first = e.getValue().get(0);
                failures.add("LEAK: " + e.getValue().size() + " record(s) of batch " + e.getKey()
                        + " on the topic that no accepted request reported, written during: " + culprit(first, outcomes));
                continue;
            }
            String problem = checkBatch(o, e.getValue());
            if (problem != null) {
                failures.add(problem + " — " + o.c());
            }
        }
        for (Outcome o : accepted.values()) {
            if (!byBatch.containsKey(o.batchId())) {
                failures.add("batch " + o.batchId() + " was accepted but is not on the topic — " + o.c());
            }
        }
    }

    private static String culprit(ConsumerRecord<String, byte[]> r, List<Outcome> outcomes) {
        TopicPartition p = new TopicPartition(r.topic(), r.partition());
        for (Outcome o : outcomes) {
            if (o.before().get(p) <= r.offset() && r.offset() < o.after().get(p)) {
                return o.c() + " (answered " + o.status() + ")";
            }
        }
        return "no request of this group (offset " + r.offset() + " on " + p + ")";
    }

    private static String checkBatch(Outcome o, List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            TopicPartition p = new TopicPartition(r.topic(), r.partition());
            if (r.offset() < o.before().get(p) || r.offset() >= o.after().get(p)) {
                return "record at offset " + r.offset() + " of batch " + o.batchId()
                        + " was not acknowledged before the answer";
            }
        }
        BatchAssembler<Long> assembler = new BatchAssembler<>();
        AssembledBatch batch = null;
        try {
            for (ConsumerRecord<String, byte[]> r : records) {
                Optional<BatchAssembler.Completed<Long>> done = assembler.accept(BatchRecordCodec.decode(r.value()),
                        Instant.now(), r.offset());
                if (done.isPresent()) {
                    if (batch != null) {
                        return "batch " + o.batchId() + " was sealed twice";
                    }
                    batch = done.get().batch();
                }
            }
        } catch (RuntimeException e) {
            return "batch " + o.batchId() + " does not decode: " + e;
        }
        if (batch == null) {
            return "batch " + o.batchId() + " has no seal on the topic";
        }
        if (batch.rows() != o.rows()) {
            return "batch " + o.batchId() + " decodes to " + batch.rows() + " rows, the receipt says " + o.rows();
        }
        for (Column column : batch.columns()) {
            if (column.size() != o.rows()) {
                return "a column of batch " + o.batchId() + " has " + column.size() + " values for " + o.rows() + " rows";
            }
        }
        return o.c().table == null ? null : compare(batch, o.c().table);
    }

    /** Null when every published value is exactly the posted one (numbers bit-exact, NaN for missing). */
    private static String compare(AssembledBatch batch, Table t) {
        List<ColumnSpec> specs = batch.header().columns();
        for (int c = 0; c < specs.size(); c++) {
            String name = specs.get(c).name();
            int source = t.col(name);
            Column column = batch.columns().get(c);
            for (int row = 0; row < t.size(); row++) {
                String posted = source < 0 ? null : t.rows.get(row)[source];
                if (column instanceof NumericColumn n) {
                    double want = Gen.expectedNumber(posted);
                    if (Double.compare(want, n.values()[row]) != 0) {
                        return "row " + (row + 1) + " column " + name + ": posted '" + abbreviate(posted)
                                + "', published " + n.values()[row];
                    }
                } else {
                    String want = posted == null || posted.isEmpty() ? null : posted;
                    String got = ((CategoricalColumn) column).valueAt(row);
                    if (!Objects.equals(want, got)) {
                        return "row " + (row + 1) + " column " + name + ": posted '" + abbreviate(want)
                                + "', published '" + abbreviate(got) + "'";
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return JSON.readTree(raw);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** At most 300 chars, all but printable ASCII escaped, so a report line stays one readable line. */
    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 300; i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch > 0x7E) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return s.length() <= 300 ? sb.toString() : sb + "…(" + s.length() + " chars)";
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
