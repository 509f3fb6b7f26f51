package io.modeltrust.model.batch;

import io.modeltrust.model.spec.ColumnType;

/** A column of a batch: its name in the uploaded data, its role and how it is stored. */
public record ColumnSpec(String name, ColumnRole role, ColumnType type) {
}
