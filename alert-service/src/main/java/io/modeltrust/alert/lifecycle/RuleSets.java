package io.modeltrust.alert.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.rules.AlertRule;
import io.modeltrust.alert.rules.DefaultRules;
import io.modeltrust.alert.rules.RuleDefinition;
import io.modeltrust.alert.rules.RuleValidator;
import io.modeltrust.model.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each model's rule list, stored as its normalised JSON; a model without one gets the defaults. */
@ApplicationScoped
public class RuleSets {

    /** A model's rules as the API shows them; {@code source} is "stored" or "default" (not yet stored). */
    public record RuleSet(String modelId, int version, String source, Instant updatedAt, String updatedBy,
                          List<RuleDefinition> rules) {
    }

    private static final TypeReference<List<RuleDefinition>> LIST = new TypeReference<>() {
    };
    /** The author of the rule sets the service stores by itself. */
    static final String SYSTEM = "system";

    /** The rules of these models; models without a stored set get the defaults, stored now (first result). */
    public Map<String, List<AlertRule>> loadOrCreate(Connection c, Collection<String> modelIds, Instant now)
            throws SQLException {
        Map<String, List<AlertRule>> out = new HashMap<>();
        String defaults = Json.toString(DefaultRules.rules().stream().map(AlertRule::toDefinition).toList());
        Map<String, String> outdated = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT model_id, rules_json, updated_by FROM rule_sets WHERE model_id = ANY(?)")) {
            ps.setArray(1, Jdbc.textArray(c, modelIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (SYSTEM.equals(rs.getString(3)) && !defaults.equals(rs.getString(2))) {
                        outdated.put(rs.getString(1), rs.getString(2));
                        out.put(rs.getString(1), DefaultRules.rules());
                    } else {
                        out.put(rs.getString(1), rules(rs.getString(2)));
                    }
                }
            }
        }
        upgrade(c, outdated, defaults, now);
        List<String> missing = modelIds.stream().distinct().filter(m -> !out.containsKey(m)).toList();
        if (!missing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_sets (model_id, version, rules_json, updated_at, "
                    + "updated_by) VALUES (?, 1, ?, ?, 'system') ON CONFLICT (model_id) DO NOTHING")) {
                for (String m : missing) {
                    ps.setString(1, m);
                    ps.setString(2, defaults);
                    Jdbc.setInstant(ps, 3, now);
                    ps.addBatch();
                    out.put(m, DefaultRules.rules());
                }
                ps.executeBatch();
            }
        }
        return out;
    }

    /**
     * A rule set that nobody has changed since the system stored it follows the current defaults: a model
     * registered before a default was made quieter (say, fairness on significant differences only) would
     * otherwise keep paging on noise. A set a person wrote is theirs and is left alone. The update only
     * applies to the set as read, so a PUT in between wins.
     */
    private static void upgrade(Connection c, Map<String, String> outdated, String defaults, Instant now)
            throws SQLException {
        if (outdated.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE rule_sets SET version = version + 1, rules_json = ?, "
                + "updated_at = ? WHERE model_id = ? AND updated_by = 'system' AND rules_json = ?")) {
            for (Map.Entry<String, String> e : outdated.entrySet()) {
                ps.setString(1, defaults);
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, e.getKey());
                ps.setString(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public RuleSet get(Connection c, String modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, rules_json, updated_at, updated_by FROM rule_sets WHERE model_id = ?")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new RuleSet(modelId, rs.getInt(1), "stored", Jdbc.instant(rs, "updated_at"), rs.getString(4),
                            definitions(rs.getString(2)).stream().map(RuleValidator::clampStored).toList());
                }
            }
        }
        return new RuleSet(modelId, 0, "default", null, null,
                DefaultRules.rules().stream().map(AlertRule::toDefinition).toList());
    }

    /** Replaces the model's rules (already validated), locking the row so concurrent PUTs serialise. */
    public RuleSet put(Connection c, String modelId, List<AlertRule> rules, String actor, Instant now) throws SQLException {
        String json = Json.toString(rules.stream().map(AlertRule::toDefinition).toList());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO rule_sets (model_id, version, rules_json, updated_at, updated_by) VALUES (?, 1, ?, ?, ?)
                ON CONFLICT (model_id) DO UPDATE SET version = rule_sets.version + 1, rules_json = excluded.rules_json,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by
                RETURNING version""")) {
            ps.setString(1, modelId);
            ps.setString(2, json);
            Jdbc.setInstant(ps, 3, now);
            ps.setString(4, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new RuleSet(modelId, rs.getInt(1), "stored", now, actor,
                        rules.stream().map(AlertRule::toDefinition).toList());
            }
        }
    }

    static List<RuleDefinition> definitions(String json) {
        try {
            return Json.MAPPER.readValue(json, LIST);
        } catch (IOException e) {
            throw new IllegalStateException("stored rules are not readable: " + e.getMessage(), e);
        }
    }

    static List<AlertRule> rules(String json) {
        RuleValidator.Result result = RuleValidator.validateStored(definitions(json));
        if (!result.ok()) {
            throw new IllegalStateException("stored rules no longer validate: " + result.errors());
        }
        return result.rules();
    }
}
