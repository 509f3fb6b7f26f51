package io.modeltrust.model.batch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a column is in a batch, so consumers need not re-derive it from the model spec. */
public enum ColumnRole {
    FEATURE("feature"),
    PREDICTION("prediction"),
    SCORE("score"),
    LABEL("label"),
    ID("id"),
    TIMESTAMP("timestamp"),
    SENSITIVE("sensitive");

    private final String wire;

    ColumnRole(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ColumnRole fromWire(String value) {
        for (ColumnRole r : values()) {
            if (r.wire.equals(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown column role " + value);
    }
}
