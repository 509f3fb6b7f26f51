package io.modeltrust.service.messaging;

/** Channel names; the topics behind them are set in application.properties. */
public final class Channels {

    public static final String BATCHES = "batches";
    public static final String RESULTS = "results";
    /** monitoring.control: deletions of models and batches (docs/api.md "Control events"). */
    public static final String CONTROL = "control";

    private Channels() {
    }
}
