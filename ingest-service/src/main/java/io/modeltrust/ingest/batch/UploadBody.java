package io.modeltrust.ingest.batch;

import java.io.InputStream;

/** A request body as it arrived: not yet decompressed, decoded or parsed. */
public record UploadBody(InputStream stream, String contentType, String contentEncoding) {
}
