package io.modeltrust.alert.notify;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A channel as the API reads and shows it. The bulk list names a channel by {@code id} and may carry
 * {@code minSeverity} at the top (its shape before filters); a channel alone is named by
 * {@code channelId} and carries it in {@code filter}. {@code to} takes one address or a list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelSpec(String id, String channelId, String type, String url, String secret,
                          @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to,
                          String minSeverity, Filter filter, Boolean enabled) {

    /** {@code modelIds} and {@code kinds} empty or absent: every model, every kind. */
    public record Filter(List<String> modelIds, String minSeverity, List<String> kinds) {
    }
}
