package io.modeltrust.alert.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a transaction did to alerts, in order: the transitions (each with the alert as it was
 * right then, for its event), the alerts to write back, and the batches newly counted as occurrences.
 */
public final class ChangeLog {

    /** A transition; {@code page} says whether webhook channels hear of it. */
    public record Change(AlertState alert, Transition transition, AlertStatus from, String actor, String reason,
                         boolean page, Instant at) {
    }

    public record Occurrence(String alertId, String modelId, String batchId, Instant batchAt, Double value) {
    }

    /** An audit-only entry: something a reader of the trail must see that is not a status change or an event. */
    public record Note(String alertId, String kind, String status, String actor, String reason, String batchId, Instant at) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final Map<AlertState, Boolean> touched = new IdentityHashMap<>();
    private final List<Occurrence> occurrences = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    void record(AlertState alert, Transition transition, AlertStatus from, String actor, String reason, boolean page,
                Instant at) {
        changes.add(new Change(alert.copy(), transition, from, actor, reason, page, at));
        touch(alert);
    }

    void touch(AlertState alert) {
        touched.put(alert, Boolean.TRUE);
    }

    void note(AlertState alert, String kind, String actor, String reason, String batchId, Instant at) {
        notes.add(new Note(alert.alertId, kind, alert.status.id(), actor, reason, batchId, at));
        touch(alert);
    }

    void occurrence(AlertState alert, Double value) {
        occurrences.add(new Occurrence(alert.alertId, alert.modelId, alert.batchId, alert.batchAt, value));
    }

    void occurrence(Occurrence occurrence) {
        occurrences.add(occurrence);
    }

    public List<Change> changes() {
        return changes;
    }

    /** Alerts whose stored row must be inserted or updated. */
    public List<AlertState> touched() {
        return new ArrayList<>(touched.keySet());
    }

    /** Audit-only entries, written beside the status changes. */
    public List<Note> notes() {
        return notes;
    }

    public List<Occurrence> occurrences() {
        return occurrences;
    }

    public boolean isEmpty() {
        return changes.isEmpty() && touched.isEmpty();
    }
}
