package io.modeltrust.alert.rules;

import java.time.Instant;
import java.util.Comparator;

/** A batch's place in its model's timeline: ordered by the batch time {@code at}, ties broken by id. */
public record BatchKey(Instant at, String batchId) implements Comparable<BatchKey> {

    private static final Comparator<BatchKey> ORDER =
            Comparator.comparing(BatchKey::at).thenComparing(BatchKey::batchId);

    @Override
    public int compareTo(BatchKey other) {
        return ORDER.compare(this, other);
    }

    public boolean isBefore(BatchKey other) {
        return compareTo(other) < 0;
    }
}
