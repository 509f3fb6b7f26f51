package io.modeltrust.ingest.upload;

/** The upload cannot be parsed any further (broken quoting, bad JSON, invalid UTF-8, truncated gzip). */
public class MalformedUploadException extends RuntimeException {

    private final long row;

    public MalformedUploadException(long row, String message) {
        super(message);
        this.row = row;
    }

    /** The 1-based data row where reading failed, or 0 for the header. */
    public long row() {
        return row;
    }
}
