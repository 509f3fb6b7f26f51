package io.modeltrust.alert.rules;

import java.util.Locale;

/** Alert severity, ordered so a channel's minimum severity is a comparison. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        if (text != null) {
            for (Severity s : values()) {
                if (s.id().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "'; use info, warning or critical");
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
