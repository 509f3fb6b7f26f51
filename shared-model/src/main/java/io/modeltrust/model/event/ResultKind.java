package io.modeltrust.model.event;

/** The {@code kind} of a result event on monitoring.results. */
public final class ResultKind {

    public static final String DRIFT = "drift";
    public static final String PERFORMANCE = "performance";
    public static final String FAIRNESS = "fairness";

    private ResultKind() {
    }
}
