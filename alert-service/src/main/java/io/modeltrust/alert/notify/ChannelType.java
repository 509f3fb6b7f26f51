package io.modeltrust.alert.notify;

import java.util.Locale;

/** How a channel is reached; a delivery row keeps the medium it was written for ({@code medium}). */
public enum ChannelType {
    WEBHOOK, EMAIL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code text}, or null when there is none of that name. */
    public static ChannelType find(String text) {
        if (text != null) {
            for (ChannelType t : values()) {
                if (t.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        return null;
    }
}
