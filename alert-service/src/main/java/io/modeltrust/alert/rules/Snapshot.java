package io.modeltrust.alert.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of one result revision, looked up by canonical path. For the result being evaluated
 * {@code points} lists every value in result order; for history, read back from storage, it is empty
 * and only {@code lookup} is available.
 */
public record Snapshot(BatchKey key, int revision, List<Point> points, Function<String, Double> lookup) {

    public static Snapshot of(BatchKey key, int revision, List<Point> points) {
        Map<String, Double> byPath = new java.util.HashMap<>(points.size() * 2);
        for (Point p : points) {
            byPath.put(p.key(), p.value());
        }
        return new Snapshot(key, revision, List.copyOf(points), byPath::get);
    }

    /** The value at a concrete path, or null when this result does not carry it. */
    public Double value(String canonicalPath) {
        return lookup.apply(canonicalPath);
    }

    public Double value(MetricPath path) {
        return value(path.canonical());
    }
}
