package io.modeltrust.ingest.batch;

import io.modeltrust.security.ApiProblem;
import io.modeltrust.ingest.upload.CsvRowReader;
import io.modeltrust.ingest.upload.JsonRowReader;
import io.modeltrust.ingest.upload.LimitedInputStream;
import io.modeltrust.ingest.upload.RowReader;
import io.modeltrust.ingest.upload.Utf8CheckingInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Chooses the row reader for a body's media type and encoding. */
final class UploadReader {

    private UploadReader() {
    }

    static RowReader open(UploadBody body, List<String> expectedColumns, long maxBytes) throws IOException {
        InputStream in = body.stream();
        String encoding = body.contentEncoding() == null ? "" : body.contentEncoding().trim().toLowerCase(Locale.ROOT);
        if (encoding.equals("gzip")) {
            in = new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16);
        } else if (!encoding.isEmpty() && !encoding.equals("identity")) {
            throw new ApiProblem(415, "Unsupported Media Type", "Content-Encoding " + encoding
                    + " is not supported; use gzip or none");
        }
        in = new LimitedInputStream(in, maxBytes);
        String type = mediaType(body.contentType());
        return switch (type) {
            case "text/csv", "application/csv" -> new CsvRowReader(new InputStreamReader(new BufferedInputStream(in, 1 << 16),
                    charset(body.contentType()).newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
            case "application/json" -> new JsonRowReader(new Utf8CheckingInputStream(in), false, expectedColumns);
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/jsonlines" ->
                    new JsonRowReader(new Utf8CheckingInputStream(in), true, expectedColumns);
            default -> throw new ApiProblem(415, "Unsupported Media Type",
                    "send text/csv, application/json or application/x-ndjson, not " + (type.isEmpty() ? "no Content-Type" : type));
        };
    }

    /** The charset parameter of a CSV body; UTF-8 when absent. */
    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String param : contentType.split(";")) {
                String p = param.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (IllegalArgumentException e) {
                        throw new ApiProblem(415, "Unsupported Media Type", "unknown charset " + p.substring(8));
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
