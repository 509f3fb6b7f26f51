package io.modeltrust.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Storage and statistics follow the type: numbers as double[], categories dictionary-coded. */
public enum ColumnType {
    NUMERIC("numeric"),
    CATEGORICAL("categorical");

    private final String wire;

    ColumnType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ColumnType fromWire(String value) {
        for (ColumnType t : values()) {
            if (t.wire.equals(value)) {
                return t;
            }
        }
        return null;
    }
}
