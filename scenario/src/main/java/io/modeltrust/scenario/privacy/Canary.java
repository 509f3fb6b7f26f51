package io.modeltrust.scenario.privacy;

/** One planted raw value: a number or a token, and the upload it was in. */
public record Canary(Origin origin, boolean numeric, String text) {

    /** Where a canary was uploaded. */
    public enum Origin {
        /** The reference: the drift service keeps its sorted values by design (KS and Wasserstein need them). */
        REFERENCE,
        /** Production batch 1. */
        BATCH_1,
        /** Production batch 2. */
        BATCH_2,
        /** A batch ingest must reject (an undeclared column): nothing of it may be stored. */
        REJECTED
    }
}
