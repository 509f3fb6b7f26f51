package io.modeltrust.alert.config;

/** Reactive-messaging channel names; the topics behind them are set in application.properties. */
public final class Channels {

    /** Result events from drift, performance and fairness services (monitoring.results). */
    public static final String RESULTS_IN = "results-in";

    /** Deletions of models and batches (monitoring.control, docs/api.md "Control events"). */
    public static final String CONTROL_IN = "control-in";

    /** Alert state changes for downstream subscribers (monitoring.alerts). */
    public static final String ALERTS_OUT = "alerts-out";

    private Channels() {
    }
}
