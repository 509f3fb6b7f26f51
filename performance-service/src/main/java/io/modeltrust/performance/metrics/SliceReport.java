package io.modeltrust.performance.metrics;

import java.util.List;

/**
 * Where the batch got worse.
 *
 * @param metric  ACCURACY or MAE
 * @param worst   up to three slices, worst first
 * @param summary one plain English sentence naming the worst slice (or saying there is none)
 */
public record SliceReport(SliceMetric metric, List<SliceFinding> worst, String summary) {
    public SliceReport {
        worst = List.copyOf(worst);
    }
}
