package io.modeltrust.model.batch;

/** A record on monitoring.batches that cannot be decoded or does not fit its batch. */
public class BatchFormatException extends RuntimeException {

    public BatchFormatException(String message) {
        super(message);
    }

    public BatchFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
