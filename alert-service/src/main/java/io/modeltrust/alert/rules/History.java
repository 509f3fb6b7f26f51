package io.modeltrust.alert.rules;

import java.util.List;

/** Earlier results of the same model and kind, each batch at its latest revision. */
public interface History {

    /** Up to {@code n} batches before {@code key}, newest first. */
    List<Snapshot> previous(BatchKey key, int n);

    History NONE = (key, n) -> List.of();
}
