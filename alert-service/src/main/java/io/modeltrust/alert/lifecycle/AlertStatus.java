package io.modeltrust.alert.lifecycle;

import java.util.Locale;

/** open → acknowledged → resolved; a resolved alert reopens only within its rule's cooldown. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertStatus parse(String text) {
        for (AlertStatus s : values()) {
            if (s.id().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "'; use open, acknowledged or resolved");
    }

    public boolean active() {
        return this != RESOLVED;
    }
}
