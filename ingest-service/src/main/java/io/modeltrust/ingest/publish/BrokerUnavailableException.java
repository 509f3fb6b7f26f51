package io.modeltrust.ingest.publish;

/** Kafka did not acknowledge the whole batch in time; the client should retry later. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
