package io.modeltrust.ingest.upload;

import java.util.ArrayList;
import java.util.List;

/** Validation problems of one upload: the first 100 in full, and how many there were in all. */
public final class Problems {

    public static final int KEPT = 100;

    /** Row is 1-based over data rows; null when the problem is about the whole upload or header. */
    public record Problem(Long row, String column, String message) {
    }

    private final List<Problem> kept = new ArrayList<>();
    private long total;

    public void add(Long row, String column, String message) {
        total++;
        if (kept.size() < KEPT) {
            kept.add(new Problem(row, column, message));
        }
    }

    public boolean any() {
        return total > 0;
    }

    public long total() {
        return total;
    }

    public List<Problem> kept() {
        return List.copyOf(kept);
    }
}
