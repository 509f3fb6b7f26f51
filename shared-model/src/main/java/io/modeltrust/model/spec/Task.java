package io.modeltrust.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the monitored model predicts; decides which performance metrics apply. */
public enum Task {
    BINARY_CLASSIFICATION("binary_classification"),
    MULTICLASS_CLASSIFICATION("multiclass_classification"),
    REGRESSION("regression");

    private final String wire;

    Task(String wire) {
        this.wire = wire;
    }

    /** Binary or multiclass: the outcome is one of the model's classes. */
    public boolean classification() {
        return this != REGRESSION;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Unknown names map to null so the validator can report them with the other problems. */
    @JsonCreator
    public static Task fromWire(String value) {
        for (Task t : values()) {
            if (t.wire.equals(value)) {
                return t;
            }
        }
        return null;
    }
}
