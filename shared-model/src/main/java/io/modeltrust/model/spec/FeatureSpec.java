package io.modeltrust.model.spec;

/** One model input column. */
public record FeatureSpec(String name, ColumnType type) {
}
