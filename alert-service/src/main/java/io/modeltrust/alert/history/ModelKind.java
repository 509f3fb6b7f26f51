package io.modeltrust.alert.history;

/** One model's results of one kind: the unit of series dictionaries and timelines. */
public record ModelKind(String modelId, String kind) {
}
