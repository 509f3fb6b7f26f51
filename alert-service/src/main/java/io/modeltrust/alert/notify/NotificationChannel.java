package io.modeltrust.alert.notify;

import java.util.List;

/**
 * A stored channel: a webhook ({@code url}, and {@code secret}, which signs every body) or an email
 * channel ({@code to}, one or more addresses). {@code filter} says which alerts it hears of.
 */
public record NotificationChannel(String id, ChannelType type, String url, String secret, List<String> to,
                                  ChannelFilter filter, boolean enabled) {

    public NotificationChannel {
        to = to == null ? List.of() : List.copyOf(to);
        filter = filter == null ? ChannelFilter.ALL : filter;
    }

    public static NotificationChannel webhook(String id, String url, String secret, ChannelFilter filter, boolean enabled) {
        return new NotificationChannel(id, ChannelType.WEBHOOK, url, secret, List.of(), filter, enabled);
    }

    public static NotificationChannel email(String id, List<String> to, ChannelFilter filter, boolean enabled) {
        return new NotificationChannel(id, ChannelType.EMAIL, null, null, to, filter, enabled);
    }
}
