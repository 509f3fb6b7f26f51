package io.modeltrust.model.batch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a batch on monitoring.batches carries. */
public enum BatchKind {
    /** The model's expected distribution; replaces the previous reference for later batches. */
    REFERENCE("reference"),
    /** Data the deployed model scored; labels may be absent. */
    PRODUCTION("production"),
    /** Delayed ground truth: id and label columns only. */
    LABELS("labels");

    private final String wire;

    BatchKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static BatchKind fromWire(String value) {
        for (BatchKind k : values()) {
            if (k.wire.equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown batch kind " + value);
    }
}
