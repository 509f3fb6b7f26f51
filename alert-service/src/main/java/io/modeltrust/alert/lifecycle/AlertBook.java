package io.modeltrust.alert.lifecycle;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The alerts a transaction may touch, loaded up front: the active one per key and the most
 * recently resolved one (for the cooldown). Older occurrences are checked through
 * {@code storedOccurrence}, which only late revisions of old batches need.
 */
public final class AlertBook {

    private final Map<AlertKey, AlertState> active = new HashMap<>();
    private final Map<AlertKey, AlertState> resolved = new HashMap<>();
    private final Set<String> newOccurrences = new HashSet<>();
    private final BiPredicate<String, String> storedOccurrence;

    public AlertBook(BiPredicate<String, String> storedOccurrence) {
        this.storedOccurrence = storedOccurrence;
    }

    /** Adds a stored alert; of several resolved ones per key the one that breached last wins. */
    public void load(AlertState a) {
        if (a.status.active()) {
            active.put(a.key(), a);
        } else {
            resolved.merge(a.key(), a, (x, y) -> x.breachKey().compareTo(y.breachKey()) >= 0 ? x : y);
        }
    }

    public AlertState active(AlertKey key) {
        return active.get(key);
    }

    public AlertState lastResolved(AlertKey key) {
        return resolved.get(key);
    }

    public Iterable<AlertState> activeAlerts() {
        return active.values();
    }

    void opened(AlertState a) {
        resolved.remove(a.key());
        active.put(a.key(), a);
    }

    void resolved(AlertState a) {
        active.remove(a.key());
        resolved.put(a.key(), a);
    }

    boolean hasOccurrence(String alertId, String batchId) {
        return newOccurrences.contains(alertId + '\n' + batchId) || storedOccurrence.test(alertId, batchId);
    }

    void counted(String alertId, String batchId) {
        newOccurrences.add(alertId + '\n' + batchId);
    }
}
