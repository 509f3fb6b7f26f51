package io.modeltrust.alert.history;

import io.modeltrust.alert.rules.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Positions of metric paths in the value arrays of one model and kind. Append-only: a path keeps its
 * position for ever, so arrays written earlier stay readable (shorter arrays simply lack later paths).
 */
public final class SeriesDictionary {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> paths = new ArrayList<>();
    private int persisted;

    /** Adds a stored entry while loading; entries arrive in any order. */
    void load(String path, int idx) {
        index.put(path, idx);
        while (paths.size() <= idx) {
            paths.add(null);
        }
        paths.set(idx, path);
        persisted = paths.size();
    }

    public Integer indexOf(String path) {
        return index.get(path);
    }

    /** The array for these points, giving new paths the next positions; NaN marks paths this result lacks. */
    public double[] vector(List<Point> points) {
        int[] positions = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            String path = points.get(i).key();
            Integer idx = index.get(path);
            if (idx == null) {
                idx = paths.size();
                index.put(path, idx);
                paths.add(path);
            }
            positions[i] = idx;
        }
        double[] vals = new double[paths.size()];
        Arrays.fill(vals, Double.NaN);
        for (int i = 0; i < positions.length; i++) {
            vals[positions[i]] = points.get(i).value();
        }
        return vals;
    }

    public Function<String, Double> lookup(double[] vals) {
        return path -> {
            Integer idx = index.get(path);
            if (idx == null || idx >= vals.length || Double.isNaN(vals[idx])) {
                return null;
            }
            return vals[idx];
        };
    }

    /** Paths added since the last {@link #markPersisted()}, with their positions. */
    public Map<Integer, String> unsaved() {
        Map<Integer, String> out = new HashMap<>();
        for (int i = persisted; i < paths.size(); i++) {
            out.put(i, paths.get(i));
        }
        return out;
    }

    public void markPersisted() {
        persisted = paths.size();
    }
}
