package io.modeltrust.alert.deletion;

import java.util.List;

/** The statements that remove a model's or a batch's rows from alert-service, children before parents. */
final class PurgeSql {

    /** One statement; {@code binds} says what each ? is, in order: m the model id, b the batch id. */
    record Step(String sql, String binds) {
    }

    private static final String MODEL_ALERTS = "(SELECT alert_id FROM alerts WHERE model_id = ?)";

    /** Everything of the model: history, timeline, series dictionaries, rules, alerts and their trail, notifications. */
    static final List<Step> MODEL = List.of(
            new Step("DELETE FROM alert_audit WHERE alert_id IN " + MODEL_ALERTS, "m"),
            new Step("DELETE FROM webhook_deliveries WHERE alert_id IN " + MODEL_ALERTS, "m"),
            new Step("DELETE FROM webhook_deliveries WHERE model_id = ? AND kind <> 'digest'", "m"),
            new Step("DELETE FROM alert_occurrences WHERE model_id = ?", "m"),
            new Step("DELETE FROM alerts WHERE model_id = ?", "m"),
            new Step("DELETE FROM outbox WHERE model_id = ?", "m"),
            new Step("DELETE FROM result_vectors WHERE model_id = ?", "m"),
            new Step("DELETE FROM results WHERE model_id = ?", "m"),
            new Step("DELETE FROM batches WHERE model_id = ?", "m"),
            new Step("DELETE FROM series_keys WHERE model_id = ?", "m"),
            new Step("DELETE FROM rule_sets WHERE model_id = ?", "m"),
            // period reports describe the whole model: they and its schedules go with it
            new Step("DELETE FROM reports WHERE model_id = ?", "m"),
            new Step("DELETE FROM report_schedules WHERE model_id = ?", "m"),
            new Step("DELETE FROM models WHERE model_id = ?", "m"));

    /** Alerts that only this batch raised: they go with it; alerts other batches raised too only lose its occurrence. */
    private static final String BATCH_ONLY_ALERTS = "(SELECT a.alert_id FROM alerts a WHERE a.model_id = ? AND a.alert_id IN "
            + "(SELECT alert_id FROM alert_occurrences WHERE batch_id = ?) AND NOT EXISTS (SELECT 1 FROM alert_occurrences o "
            + "WHERE o.alert_id = a.alert_id AND o.batch_id <> ?))";

    /** One batch: its results, vectors, timeline row, occurrences, notifications, and the alerts only it raised. */
    static final List<Step> BATCH = List.of(
            new Step("DELETE FROM alert_audit WHERE alert_id IN " + BATCH_ONLY_ALERTS, "mbb"),
            new Step("DELETE FROM webhook_deliveries WHERE alert_id IN " + BATCH_ONLY_ALERTS, "mbb"),
            new Step("DELETE FROM webhook_deliveries WHERE model_id = ? AND batch_id = ? AND kind <> 'digest'", "mb"),
            new Step("DELETE FROM alerts WHERE alert_id IN " + BATCH_ONLY_ALERTS, "mbb"),
            new Step("DELETE FROM alert_occurrences WHERE model_id = ? AND batch_id = ?", "mb"),
            new Step("DELETE FROM result_vectors WHERE model_id = ? AND batch_id = ?", "mb"),
            new Step("DELETE FROM results WHERE model_id = ? AND batch_id = ?", "mb"),
            new Step("DELETE FROM batches WHERE model_id = ? AND batch_id = ?", "mb"),
            // The model's newest batch may have been this one.
            new Step("UPDATE models m SET latest_batch_id = b.batch_id, latest_batch_at = b.batch_at FROM (SELECT batch_id, "
                    + "batch_at FROM batches WHERE model_id = ? ORDER BY batch_at DESC, batch_id DESC LIMIT 1) b "
                    + "WHERE m.model_id = ? AND m.latest_batch_id = ?", "mmb"),
            new Step("UPDATE models SET latest_batch_id = NULL, latest_batch_at = NULL, result_count = 0 "
                    + "WHERE model_id = ? AND latest_batch_id = ?", "mb"));

    private PurgeSql() {
    }
}
