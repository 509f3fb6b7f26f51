package io.modeltrust.alert.lifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.notify.AlertPublisher;
import io.modeltrust.alert.notify.DeliveryWorker;
import io.modeltrust.alert.notify.Notifications;
import io.modeltrust.alert.rules.AlertRule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Human-driven transitions (acknowledge, resolve) and rule replacement. Each runs in its own
 * transaction with the alert rows locked, writes audit, outbox and deliveries like the pipeline,
 * and wakes the publishers once committed.
 */
@ApplicationScoped
public class AlertService {

    @Inject
    DataSource dataSource;
    @Inject
    AlertStore alerts;
    @Inject
    RuleSets ruleSets;
    @Inject
    Notifications notifications;
    @Inject
    AlertPublisher publisher;
    @Inject
    DeliveryWorker deliveries;
    @Inject
    AlertConfig config;
    @Inject
    MeterRegistry registry;

    private final Clock clock = Clock.systemUTC();

    public AlertState acknowledge(String alertId, String actor, String reason) {
        return transition(alertId, (a, log) -> {
            if (a.status == AlertStatus.RESOLVED) {
                throw new AlertConflictException("alert " + alertId + " is resolved; only open alerts can be acknowledged");
            }
            lifecycle().acknowledge(a, actor, reason, log);
        });
    }

    public AlertState resolve(String alertId, String actor, String reason) {
        return transition(alertId, (a, log) -> {
            if (a.status == AlertStatus.RESOLVED) {
                throw new AlertConflictException("alert " + alertId + " is already resolved");
            }
            lifecycle().resolve(a, actor, reason == null ? "resolved by hand" : reason, null, log);
        });
    }

    /** Replaces a model's rules; alerts of rules that are gone or disabled are resolved, since nothing would clear them. */
    public RuleSets.RuleSet putRules(String modelId, List<AlertRule> rules, String actor) {
        ChangeLog log = new ChangeLog();
        RuleSets.RuleSet saved = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Instant now = clock.instant();
                RuleSets.RuleSet set = ruleSets.put(c, modelId, rules, actor, now);
                Map<String, AlertRule> byId = rules.stream().collect(Collectors.toMap(AlertRule::id, Function.identity()));
                for (AlertState a : alerts.activeForModel(c, modelId)) {
                    AlertRule r = byId.get(a.ruleId);
                    if (r == null || !r.enabled()) {
                        lifecycle().resolve(a, actor, r == null ? "rule removed" : "rule disabled", null, log);
                    }
                }
                alerts.save(c, log, now);
                notifications.record(c, log.changes(), now);
                return set;
            }
        }));
        committed(log);
        return saved;
    }

    private interface Step {
        void apply(AlertState alert, ChangeLog log);
    }

    private AlertState transition(String alertId, Step step) {
        ChangeLog log = new ChangeLog();
        AlertState result = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                AlertState a = alerts.find(c, alertId, true);
                if (a == null) {
                    throw new AlertNotFoundException(alertId);
                }
                step.apply(a, log);
                Instant now = clock.instant();
                alerts.save(c, log, now);
                notifications.record(c, log.changes(), now);
                return a;
            }
        }));
        committed(log);
        return result;
    }

    private void committed(ChangeLog log) {
        for (ChangeLog.Change ch : log.changes()) {
            registry.counter("alert.alerts", "kind", ch.alert().kind, "severity", ch.alert().severity.id(),
                    "transition", ch.transition().name().toLowerCase(Locale.ROOT)).increment();
        }
        if (!log.changes().isEmpty()) {
            publisher.wake();
            deliveries.wake();
        }
    }

    private AlertLifecycle lifecycle() {
        return new AlertLifecycle(config.autoResolveAfterBatches(), config.defaultCooldown(), clock);
    }
}
