package io.modeltrust.alert.history;

import io.modeltrust.alert.rules.BatchKey;

/** One stored value array: the latest revision of one kind of result for one batch. */
public record VectorRow(ModelKind modelKind, BatchKey key, int revision, double[] vals) {
}
