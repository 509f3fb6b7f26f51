package io.modeltrust.fairness.metrics;

import java.util.List;

/** Fairness figures of one batch: single attributes first, then the configured intersections. */
public record FairnessReport(List<AttributeFairness> attributes) {

    public FairnessReport {
        attributes = List.copyOf(attributes);
    }

    /** The named attribute ("sex", or "sex|age_band" for an intersection), or null. */
    public AttributeFairness attribute(String name) {
        for (AttributeFairness a : attributes) {
            if (a.attribute().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
