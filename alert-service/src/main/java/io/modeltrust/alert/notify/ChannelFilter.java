package io.modeltrust.alert.notify;

import io.modeltrust.alert.rules.Severity;
import java.util.List;

/**
 * Which alerts a channel hears of: those of a model in {@code modelIds}, of at least {@code minSeverity},
 * of a kind in {@code kinds}. An empty list places no condition, so a channel without a filter hears of
 * every model's alerts (as every channel did before filters existed).
 */
public record ChannelFilter(List<String> modelIds, Severity minSeverity, List<String> kinds) {

    /** The alert kinds (CONTRACT.md alert event {@code kind}). */
    public static final List<String> KINDS = List.of("drift", "performance", "fairness", "data_quality", "retraining");

    public static final ChannelFilter ALL = new ChannelFilter(List.of(), Severity.INFO, List.of());

    public ChannelFilter {
        modelIds = modelIds == null ? List.of() : List.copyOf(modelIds);
        minSeverity = minSeverity == null ? Severity.INFO : minSeverity;
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    public boolean matches(String modelId, Severity severity, String kind) {
        return (modelIds.isEmpty() || modelIds.contains(modelId))
                && severity != null && severity.atLeast(minSeverity)
                && (kinds.isEmpty() || kinds.contains(kind));
    }
}
