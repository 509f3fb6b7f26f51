package io.modeltrust.security;

import java.util.Locale;

/** What an API key may do: read the APIs, or read and change (write implies read). */
public enum Role {
    READ, WRITE;

    /** Whether a key with this role may make a request that needs {@code needed}. */
    public boolean grants(Role needed) {
        return this == WRITE || needed == READ;
    }

    /** The role as written in the configuration and in problem details: {@code read} or {@code write}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code read} or {@code write}, else null. */
    static Role parse(String text) {
        return switch (text) {
            case "read" -> READ;
            case "write" -> WRITE;
            default -> null;
        };
    }
}
