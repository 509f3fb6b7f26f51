package io.modeltrust.ingest.upload;

/** The body went past the configured limit; reading stopped there. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(long limit) {
        super("the body is larger than the limit of " + limit + " bytes");
    }
}
