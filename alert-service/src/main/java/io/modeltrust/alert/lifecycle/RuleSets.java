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

    /** The rules of these models; models without a stored set get the defaults, stored now (first result). */
    public Map<String, List<AlertRule>> loadOrCreate(Connection c, Collection<String> modelIds, Instant now)
            throws SQLException {
        Map<String, List<AlertRule>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT model_id, rules_json FROM rule_sets WHERE model_id = ANY(?)")) {
            ps.setArray(1, Jdbc.textArray(c, modelIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rules(rs.getString(2)));
                }
            }
        }
        List<String> missing = modelIds.stream().distinct().filter(m -> !out.containsKey(m)).toList();
        if (!missing.isEmpty()) {
            String defaults = Json.toString(DefaultRules.rules().stream().map(AlertRule::toDefinition).toList());
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

    public RuleSet get(Connection c, String modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, rules_json, updated_at, updated_by FROM rule_sets WHERE model_id = ?")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new RuleSet(modelId, rs.getInt(1), "stored", Jdbc.instant(rs, "updated_at"), rs.getString(4),
                            definitions(rs.getString(2)));
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
        RuleValidator.Result result = RuleValidator.validate(definitions(json));
        if (!result.ok()) {
            throw new IllegalStateException("stored rules no longer validate: " + result.errors());
        }
        return result.rules();
    }
}
