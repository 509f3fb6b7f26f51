package io.modeltrust.alert.lifecycle;

/** What happened to an alert; every transition is published, status changes are also audited. */
public enum Transition {
    /** A new alert. */
    OPENED,
    /** The breach continued in another batch: occurrences and last-seen moved. */
    UPDATED,
    /** A resolved alert breached again within its cooldown and opened again, without paging. */
    REOPENED,
    ACKNOWLEDGED,
    RESOLVED;

    public boolean changesStatus() {
        return this != UPDATED;
    }
}
