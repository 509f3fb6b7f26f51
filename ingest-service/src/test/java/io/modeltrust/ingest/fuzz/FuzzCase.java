package io.modeltrust.ingest.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request and what the service may answer. Whatever the expectation, the answer
 * must be 2xx or 4xx within the time limit, a 4xx must be problem+json, and a rejected upload
 * must publish nothing.
 */
final class FuzzCase {

    enum Expect {
        /** Valid upload: 202 (201 for a reference) with exactly the posted rows. */
        ACCEPT,
        /** Bad input: a 4xx problem+json ({@link #status} when set) and nothing published. */
        REJECT,
        /** Either answer is correct; a 2xx must still publish exactly the rows it reports. */
        EITHER
    }

    final String category;
    final String label;
    final String contentType;
    final byte[] body;
    String endpoint = "batches";
    /** null: the suite's production model. */
    String model;
    String contentEncoding;
    /** The {@code at} query parameter, or null. */
    String at;
    final Map<String, String> headers = new LinkedHashMap<>();
    Expect expect = Expect.EITHER;
    Integer status;
    /** The rows the service must publish when it accepts the case; null when unknown (mutated input). */
    Table table;
    /** The case repeats an earlier upload's Idempotency-Key: 2xx with that batch id and nothing new published. */
    boolean repeat;

    FuzzCase(String category, String label, String contentType, byte[] body) {
        this.category = category;
        this.label = label;
        this.contentType = contentType;
        this.body = body;
    }

    FuzzCase accept(Table expected) {
        this.expect = Expect.ACCEPT;
        this.table = expected;
        return this;
    }

    FuzzCase reject() {
        this.expect = Expect.REJECT;
        return this;
    }

    FuzzCase reject(int expectedStatus) {
        this.expect = Expect.REJECT;
        this.status = expectedStatus;
        return this;
    }

    FuzzCase either(Table ifAccepted) {
        this.expect = Expect.EITHER;
        this.table = ifAccepted;
        return this;
    }

    FuzzCase gzip() {
        this.contentEncoding = "gzip";
        return this;
    }

    FuzzCase encoding(String encoding) {
        this.contentEncoding = encoding;
        return this;
    }

    FuzzCase to(String endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    FuzzCase model(String modelId) {
        this.model = modelId;
        return this;
    }

    FuzzCase at(String value) {
        this.at = value;
        return this;
    }

    FuzzCase header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder preview = new StringBuilder();
        int n = Math.min(body.length, 120);
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                preview.append((char) b);
            } else {
                preview.append(String.format("\\x%02x", b));
            }
        }
        return category + "/" + label + " [" + endpoint + (at == null ? "" : "?at=" + at) + ", " + contentType
                + (contentEncoding == null ? "" : ", Content-Encoding " + contentEncoding) + ", " + body.length
                + " bytes" + (table == null ? "" : ", " + table.size() + " rows") + ", expect " + expect
                + (status == null ? "" : " " + status) + "] body: " + preview + (body.length > n ? "…" : "");
    }
}
