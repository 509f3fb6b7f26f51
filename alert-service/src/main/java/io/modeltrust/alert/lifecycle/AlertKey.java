package io.modeltrust.alert.lifecycle;

/** At most one alert per key is open or acknowledged; subject is "" for model-wide and grouped rules. */
public record AlertKey(String modelId, String ruleId, String subject) {
}
