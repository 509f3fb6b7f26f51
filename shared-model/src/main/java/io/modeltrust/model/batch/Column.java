package io.modeltrust.model.batch;

/** Columnar storage of one column's values: primitive arrays, never a map per row. */
public sealed interface Column permits NumericColumn, CategoricalColumn {

    int size();
}
