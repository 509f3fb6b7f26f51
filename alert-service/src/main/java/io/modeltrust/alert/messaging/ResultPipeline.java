package io.modeltrust.alert.messaging;

import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.deletion.AlertDeletions;
import io.modeltrust.alert.history.DictionaryCache;
import io.modeltrust.alert.history.HistoryWindows;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.history.ModelKind;
import io.modeltrust.alert.history.ResultEvent;
import io.modeltrust.alert.history.ResultStore;
import io.modeltrust.alert.history.SeriesDictionary;
import io.modeltrust.alert.history.VectorRow;
import io.modeltrust.alert.history.VectorStore;
import io.modeltrust.alert.lifecycle.AlertBook;
import io.modeltrust.alert.lifecycle.AlertLifecycle;
import io.modeltrust.alert.lifecycle.AlertStore;
import io.modeltrust.alert.lifecycle.ChangeLog;
import io.modeltrust.alert.lifecycle.ResultContext;
import io.modeltrust.alert.lifecycle.RuleSets;
import io.modeltrust.alert.notify.Notifications;
import io.modeltrust.alert.rules.AlertRule;
import io.modeltrust.alert.rules.BatchKey;
import io.modeltrust.alert.rules.Point;
import io.modeltrust.alert.rules.ResultFlattener;
import io.modeltrust.alert.rules.RuleEvaluator;
import io.modeltrust.alert.rules.Snapshot;
import io.modeltrust.alert.rules.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.MDC;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Stores and evaluates one poll of result events in one transaction: results, timeline, value
 * arrays, alert changes, outbox events and webhook deliveries commit together or not at all, and
 * the consumer acknowledges the records only after this returns.
 */
@ApplicationScoped
public class ResultPipeline {

    /** Extra rows loaded per timeline beyond the longest persistence, so results arriving out of order rarely miss. */
    private static final int WINDOW_SLACK = 8;

    /** What a transaction did. */
    public record Summary(List<ResultEvent> stored, int evaluated, List<ChangeLog.Change> changes,
                          Notifications.Queued queued) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    ResultStore results;
    @Inject
    VectorStore vectors;
    @Inject
    DictionaryCache dictionaries;
    @Inject
    RuleSets ruleSets;
    @Inject
    AlertStore alerts;
    @Inject
    Notifications notifications;
    @Inject
    AlertConfig config;
    @Inject
    AlertDeletions deletions;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public Summary process(List<ResultEvent> events) {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return run(c, events);
            }
        });
    }

    private Summary run(Connection c, List<ResultEvent> all) throws SQLException {
        Instant now = clock.instant();
        List<ResultEvent> events = deletions.lockAndFilter(c, all);
        if (events.isEmpty()) {
            return new Summary(List.of(), 0, List.of(), new Notifications.Queued(0, 0));
        }
        Set<String> inserted = results.insert(c, events, now);
        List<ResultEvent> stored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ResultEvent e : events) {
            if (inserted.contains(e.eventId()) && seen.add(e.eventId())) {
                stored.add(e);
            }
        }
        if (stored.isEmpty()) {
            return new Summary(stored, 0, List.of(), new Notifications.Queued(0, 0));
        }
        results.touchModels(c, stored, now);

        // Only the newest revision of a batch and kind is evaluated; older ones are kept, not judged.
        Map<ResultStore.BatchRef, ResultStore.BatchRow> timeline = results.loadBatches(c,
                stored.stream().map(e -> new ResultStore.BatchRef(e.modelId(), e.batchId())).collect(
                        java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        List<ResultEvent> newest = new ArrayList<>();
        List<BatchKey> keys = new ArrayList<>();
        for (ResultEvent e : stored) {
            ResultStore.BatchRow row = timeline.computeIfAbsent(new ResultStore.BatchRef(e.modelId(), e.batchId()),
                    r -> ResultStore.newBatch(e.modelId(), e.batchId(), e.at()));
            if (row.advance(e.kind(), e.revision())) {
                newest.add(e);
                keys.add(new BatchKey(row.at, e.batchId())); // the batch's first known time orders it for good
            }
        }
        results.saveBatches(c, timeline.values(), now);
        if (newest.isEmpty()) {
            return new Summary(stored, 0, List.of(), new Notifications.Queued(0, 0));
        }

        Set<String> models = new LinkedHashSet<>();
        Set<ModelKind> modelKinds = new LinkedHashSet<>();
        newest.forEach(e -> {
            models.add(e.modelId());
            modelKinds.add(e.modelKind());
        });
        Map<ModelKind, SeriesDictionary> dicts = dictionaries.load(c, modelKinds);
        Map<String, List<AlertRule>> rules = ruleSets.loadOrCreate(c, models, now);

        int longest = 1;
        Duration cooldown = config.defaultCooldown();
        Set<ModelKind> needHistory = new LinkedHashSet<>();
        for (ModelKind mk : modelKinds) {
            for (AlertRule r : rules.get(mk.modelId())) {
                if (r.enabled() && r.resultKind().equals(mk.kind()) && (r.persistBatches() > 1 || r.persistDuration() != null)) {
                    needHistory.add(mk);
                    longest = Math.max(longest, r.persistBatches());
                }
                if (r.cooldown() != null && r.cooldown().compareTo(cooldown) > 0) {
                    cooldown = r.cooldown();
                }
            }
        }
        int windowRows = longest + WINDOW_SLACK;
        Map<String, VectorRow> pending = new LinkedHashMap<>();
        HistoryWindows windows = new HistoryWindows(vectors.latest(c, needHistory, windowRows), windowRows, dicts,
                (mk, key, n) -> Jdbc.call(() -> {
                    vectors.upsert(c, pending.values());
                    return vectors.before(c, mk, key, n);
                }));

        Instant earliest = keys.stream().map(BatchKey::at).min(Instant::compareTo).orElseThrow();
        AlertBook book = new AlertBook((alertId, batchId) -> Jdbc.call(() -> alerts.hasOccurrence(c, alertId, batchId)));
        alerts.loadForModels(c, models, Times.minus(earliest, cooldown)).forEach(book::load);

        RuleEvaluator evaluator = new RuleEvaluator(config.significanceAlpha());
        AlertLifecycle lifecycle = new AlertLifecycle(config.autoResolveAfterBatches(), config.defaultCooldown(), clock);
        ChangeLog log = new ChangeLog();
        for (int i = 0; i < newest.size(); i++) {
            ResultEvent e = newest.get(i);
            BatchKey key = keys.get(i);
            List<Point> points = ResultFlattener.flatten(e.tree());
            VectorRow row = new VectorRow(e.modelKind(), key, e.revision(), dicts.get(e.modelKind()).vector(points));
            pending.put(e.modelId() + '\n' + e.kind() + '\n' + e.batchId(), row);
            windows.add(row);
            Snapshot snapshot = Snapshot.of(key, e.revision(), points);
            ResultContext ctx = new ResultContext(e.modelId(), key, e.kind(), e.revision(), e.tree());
            String task = e.tree().path("task").asText(null);
            MDC.put("modelId", e.modelId());
            MDC.put("batchId", e.batchId());
            try {
                for (AlertRule rule : rules.get(e.modelId())) {
                    if (rule.enabled() && rule.resultKind().equals(e.kind()) && rule.appliesToTask(task)) {
                        lifecycle.apply(rule, evaluator.evaluate(rule, snapshot, windows.of(e.modelKind())), ctx, book, log);
                    }
                }
            } finally {
                MDC.remove("modelId");
                MDC.remove("batchId");
            }
        }
        dictionaries.saveNew(c, dicts);
        vectors.upsert(c, pending.values());
        alerts.save(c, log, now);
        Notifications.Queued queued = notifications.record(c, log.changes(), now);
        return new Summary(stored, newest.size(), log.changes(), queued);
    }
}
