package io.modeltrust.ingest.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows held as text before they are rendered as CSV, JSON or NDJSON: the values the service must
 * publish when it accepts the upload. A null value is a missing value.
 */
final class Table {

    /** Column names in upload order. */
    final List<String> columns;
    final List<String[]> rows = new ArrayList<>();
    /** Columns a JSON row may leave out altogether when its value is missing. */
    final Set<String> omittable;
    /** Literal JSON tokens that replace a cell when rendered as JSON, keyed by {@link #key}. */
    final Map<Long, String> rawJson = new HashMap<>();

    Table(List<String> columns, Set<String> omittable) {
        this.columns = List.copyOf(columns);
        this.omittable = Set.copyOf(omittable);
    }

    int col(String name) {
        return columns.indexOf(name);
    }

    String get(int row, String column) {
        int c = col(column);
        return c < 0 ? null : rows.get(row)[c];
    }

    void set(int row, String column, String value) {
        rows.get(row)[col(column)] = value;
    }

    int size() {
        return rows.size();
    }

    static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    Table copy() {
        Table t = new Table(columns, omittable);
        for (String[] r : rows) {
            t.rows.add(r.clone());
        }
        t.rawJson.putAll(rawJson);
        return t;
    }
}
