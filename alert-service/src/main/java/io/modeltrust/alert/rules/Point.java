package io.modeltrust.alert.rules;

/** One numeric value of a result under its concrete path (booleans as 1 and 0); {@code key} is the path as text. */
public record Point(MetricPath path, String key, double value) {

    public Point(MetricPath path, double value) {
        this(path, path.canonical(), value);
    }
}
