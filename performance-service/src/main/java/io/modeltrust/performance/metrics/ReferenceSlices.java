package io.modeltrust.performance.metrics;

import java.util.List;

/**
 * Per-slice figures of the reference data: computed once with {@link SliceAnalysis#profile} and kept
 * with the model's reference profile (a few hundred small entries at most).
 *
 * @param metric what {@code value} of each slice means
 * @param slices non-empty slices of every feature
 */
public record ReferenceSlices(SliceMetric metric, List<SliceStat> slices) {
    public ReferenceSlices {
        slices = List.copyOf(slices);
    }
}
