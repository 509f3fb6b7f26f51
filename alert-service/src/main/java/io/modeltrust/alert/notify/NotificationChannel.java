package io.modeltrust.alert.notify;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A webhook target. {@code secret} signs every body; {@code minSeverity} filters what it receives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationChannel(String id, String url, String secret, String minSeverity, Boolean enabled) {
}
