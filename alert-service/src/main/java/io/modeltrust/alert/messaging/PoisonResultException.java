package io.modeltrust.alert.messaging;

/** A record that can never be processed (not JSON, no kind or modelId…); it goes to the dead-letter topic. */
public class PoisonResultException extends RuntimeException {

    public PoisonResultException(String reason) {
        super(reason);
    }
}
