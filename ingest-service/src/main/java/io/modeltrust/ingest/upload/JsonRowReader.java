package io.modeltrust.ingest.upload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows as JSON objects, either one array of objects ({@code application/json}) or one object per
 * line ({@code application/x-ndjson}), read with a streaming parser. The header is the model's
 * expected columns: keys a row lacks are {@link RowReader#ABSENT}, unknown keys are row problems.
 * Numbers keep their literal text so that parsing them later is bit-exact.
 */
public final class JsonRowReader implements RowReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(CsvRowReader.MAX_FIELD_CHARS)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private final JsonParser parser;
    private final boolean ndjson;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String[]> rowProblems = new ArrayList<>();
    private boolean started;
    private long row;

    public JsonRowReader(InputStream in, boolean ndjson, List<String> expectedColumns) throws IOException {
        this.parser = FACTORY.createParser(in);
        this.ndjson = ndjson;
        this.header = List.copyOf(expectedColumns);
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean next(String[] values) throws IOException {
        try {
            return readRow(values);
        } catch (JsonProcessingException e) {
            throw new MalformedUploadException(row + 1, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private boolean readRow(String[] values) throws IOException {
        JsonToken token;
        if (!started) {
            started = true;
            token = parser.nextToken();
            if (token == null) {
                throw new MalformedUploadException(0, "the body is empty");
            }
            if (!ndjson) {
                if (token != JsonToken.START_ARRAY) {
                    throw new MalformedUploadException(0, "the body must be a JSON array of row objects");
                }
                token = parser.nextToken();
            }
        } else {
            token = parser.nextToken();
        }
        if (token == null && ndjson) {
            return false;
        }
        if (token == JsonToken.END_ARRAY && !ndjson) {
            if (parser.nextToken() != null) {
                throw new MalformedUploadException(row + 1, "content after the closing bracket of the array");
            }
            return false;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedUploadException(row + 1, token == null
                    ? "the array is not closed" : "every row must be a JSON object, found " + token);
        }
        row++;
        java.util.Arrays.fill(values, ABSENT);
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            Integer at = index.get(key);
            String value = switch (valueToken) {
                case VALUE_NULL -> null;
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                default -> {
                    parser.skipChildren();
                    rowProblems.add(new String[]{key, "nested objects and arrays are not allowed"});
                    yield null;
                }
            };
            if (at == null) {
                rowProblems.add(new String[]{key, "unexpected column"});
            } else {
                values[at] = value == null || value.isEmpty() ? null : value;
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new MalformedUploadException(row, "unterminated row object");
        }
        return true;
    }

    @Override
    public void drainRowProblems(long dataRow, Problems problems) {
        for (String[] p : rowProblems) {
            problems.add(dataRow, p[0], p[1]);
        }
        rowProblems.clear();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
