package io.modeltrust.service.messaging;

/** Channel names; the topics behind them are set in application.properties. */
public final class Channels {

    public static final String BATCHES = "batches";
    public static final String RESULTS = "results";

    private Channels() {
    }
}
