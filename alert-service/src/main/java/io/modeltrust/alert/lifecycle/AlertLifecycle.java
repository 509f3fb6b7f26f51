package io.modeltrust.alert.lifecycle;

import io.modeltrust.alert.rules.AlertRule;
import io.modeltrust.alert.rules.BatchKey;
import io.modeltrust.alert.rules.Finding;
import io.modeltrust.alert.rules.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The alert state machine, plain Java. A persisting breach opens an alert (or, within the rule's
 * cooldown of the last breach, reopens the one the system resolved without paging; after a person
 * resolved it, opens a new one that names it); further breaches update
 * it; a number of consecutive clear batches resolves it. Every step goes to the {@link ChangeLog}.
 */
public final class AlertLifecycle {

    public static final String SYSTEM = "system";
    /** The audit trail's kind for subjects that joined a grouped alert. */
    public static final String SUBJECTS_JOINED = "subjects_joined";
    private static final int LISTED_SUBJECTS = 20;

    private final int autoResolveAfter;
    private final Duration defaultCooldown;
    private final Clock clock;

    public AlertLifecycle(int autoResolveAfter, Duration defaultCooldown, Clock clock) {
        this.autoResolveAfter = Math.max(1, autoResolveAfter);
        this.defaultCooldown = defaultCooldown;
        this.clock = clock;
    }

    /** What a rule saw for one alert key in one result. */
    private record Observation(boolean persisted, boolean breach, Double value, List<String> subjects, String series,
                               String explanation, Severity severity) {
    }

    public void apply(AlertRule rule, List<Finding> findings, ResultContext ctx, AlertBook book, ChangeLog log) {
        if (findings.isEmpty()) {
            return; // the result does not carry what the rule looks at: neither breach nor clear
        }
        if (rule.groupByBatch()) {
            List<Finding> persisted = findings.stream().filter(Finding::persisted).toList();
            List<Finding> breaching = findings.stream().filter(Finding::breach).toList();
            List<Finding> shown = persisted.isEmpty() ? breaching : persisted;
            String explanation = shown.isEmpty() ? null : Explanations.ofGroup(rule, shown, ctx);
            List<String> subjects = shown.stream().map(f -> f.subject() == null ? f.path().canonical() : f.subject()).toList();
            Severity severity = shown.stream().map(Finding::severity).filter(java.util.Objects::nonNull)
                    .max(Severity::compareTo).orElse(rule.severity());
            handle(rule, new AlertKey(ctx.modelId(), rule.id(), ""), new Observation(!persisted.isEmpty(), !breaching.isEmpty(),
                    (double) shown.size(), subjects, rule.path().canonical(), explanation, severity), ctx, book, log);
            return;
        }
        for (Finding f : findings) {
            String subject = f.subject() == null ? "" : f.subject();
            String explanation = f.breach() ? Explanations.of(rule, f, ctx) : null;
            handle(rule, new AlertKey(ctx.modelId(), rule.id(), subject), new Observation(f.persisted(), f.breach(), f.value(),
                    List.of(), f.path().canonical(), explanation, f.severity() == null ? rule.severity() : f.severity()),
                    ctx, book, log);
        }
    }

    private void handle(AlertRule rule, AlertKey key, Observation obs, ResultContext ctx, AlertBook book, ChangeLog log) {
        AlertState active = book.active(key);
        if (active != null) {
            if (obs.breach()) {
                breachAgain(rule, active, obs, ctx, book, log);
            } else {
                cleared(active, ctx.key(), book, log);
            }
            return;
        }
        if (!obs.persisted()) {
            return;
        }
        AlertState resolved = book.lastResolved(key);
        Duration cooldown = rule.cooldown() == null ? defaultCooldown : rule.cooldown();
        if (resolved != null && !SYSTEM.equals(resolved.resolvedBy)) {
            // A person's resolution is a decision: a breach after it is news, not the old alert coming back.
            open(rule, key, obs, ctx, book, log, resolved);
        } else if (resolved != null && Duration.between(resolved.batchAt, ctx.key().at()).abs().compareTo(cooldown) <= 0) {
            reopen(rule, resolved, obs, ctx, book, log, cooldown);
        } else {
            open(rule, key, obs, ctx, book, log, null);
        }
    }

    private void open(AlertRule rule, AlertKey key, Observation obs, ResultContext ctx, AlertBook book, ChangeLog log,
                      AlertState follows) {
        Instant now = clock.instant();
        AlertState a = new AlertState();
        a.alertId = UUID.randomUUID().toString();
        a.modelId = key.modelId();
        a.ruleId = key.ruleId();
        a.subject = key.subject();
        a.status = AlertStatus.OPEN;
        a.firstBatchId = ctx.batchId();
        a.openedAt = now;
        a.notified = true;
        a.isNew = true;
        a.occurrences = 1;
        describe(a, rule, obs, ctx.key(), now);
        String reason = "rule " + rule.id() + ": " + rule.condition();
        if (follows != null) {
            a.previousAlertId = follows.alertId;
            reason += "; breached again after " + follows.resolvedBy + " resolved alert " + follows.alertId;
        }
        book.opened(a);
        book.counted(a.alertId, ctx.batchId());
        log.occurrence(a, obs.value());
        log.record(a, Transition.OPENED, null, SYSTEM, reason, true, now);
    }

    private void reopen(AlertRule rule, AlertState a, Observation obs, ResultContext ctx, AlertBook book, ChangeLog log,
                        Duration cooldown) {
        Instant now = clock.instant();
        AlertStatus from = a.status;
        a.status = AlertStatus.OPEN;
        a.acknowledgedAt = null;
        a.acknowledgedBy = null;
        a.resolvedAt = null;
        a.resolvedBy = null;
        a.resolveReason = null;
        a.clearCount = 0;
        a.notified = false;
        if (!book.hasOccurrence(a.alertId, ctx.batchId())) {
            a.occurrences++; // a later revision of a batch already counted is not another breach
        }
        if (a.breachKey().isBefore(ctx.key())) {
            noteJoinedSubjects(a, obs, ctx, log, now);
            describe(a, rule, obs, ctx.key(), now);
        } else {
            a.lastSeenAt = now;
        }
        book.opened(a);
        book.counted(a.alertId, ctx.batchId());
        log.occurrence(new ChangeLog.Occurrence(a.alertId, a.modelId, ctx.batchId(), ctx.key().at(), obs.value()));
        log.record(a, Transition.REOPENED, from, SYSTEM,
                "breached again within the cooldown (" + cooldown + ") of its last breach; not paged", false, now);
    }

    private void breachAgain(AlertRule rule, AlertState a, Observation obs, ResultContext ctx, AlertBook book, ChangeLog log) {
        Instant now = clock.instant();
        BatchKey last = a.breachKey();
        int order = ctx.key().compareTo(last);
        if (order >= 0) {
            noteJoinedSubjects(a, obs, ctx, log, now); // only the newest batch's findings describe the alert
        }
        if (order == 0) {
            // The same batch again (a later revision): refresh what it says, it is not another occurrence.
            describe(a, rule, obs, ctx.key(), a.lastSeenAt);
            log.touch(a);
            return;
        }
        if (order < 0 && book.hasOccurrence(a.alertId, ctx.batchId())) {
            return;
        }
        if (order > 0) {
            Severity before = a.severity;
            describe(a, rule, obs, ctx.key(), now);
            a.clearCount = 0;
            if (before != null && a.severity.compareTo(before) > 0) {
                a.occurrences++;
                book.counted(a.alertId, ctx.batchId());
                log.occurrence(new ChangeLog.Occurrence(a.alertId, a.modelId, ctx.batchId(), ctx.key().at(), obs.value()));
                // An info note that became significant is news: it pages as a new alert would.
                a.notified = true;
                log.record(a, Transition.UPDATED, a.status, SYSTEM, "escalated from " + before.id() + " to "
                        + a.severity.id() + " in batch " + ctx.batchId(), true, now);
                return;
            }
        } else {
            a.lastSeenAt = now; // an older batch breached too (late labels): count it, keep the newest batch
        }
        a.occurrences++;
        book.counted(a.alertId, ctx.batchId());
        log.occurrence(new ChangeLog.Occurrence(a.alertId, a.modelId, ctx.batchId(), ctx.key().at(), obs.value()));
        log.record(a, Transition.UPDATED, a.status, SYSTEM, "breach continues in batch " + ctx.batchId(), false, now);
    }

    /**
     * A grouped alert that a later batch (or revision) widens keeps one alert, and its audit trail says which
     * subjects joined and when, so a reader sees how the alert grew.
     */
    private static void noteJoinedSubjects(AlertState a, Observation obs, ResultContext ctx, ChangeLog log, Instant now) {
        if (a.subjects.isEmpty() || obs.subjects().isEmpty()) {
            return;
        }
        java.util.Set<String> had = new java.util.HashSet<>(a.subjects);
        List<String> joined = obs.subjects().stream().filter(s -> !had.contains(s)).toList();
        if (!joined.isEmpty()) {
            log.note(a, SUBJECTS_JOINED, SYSTEM, joined.size() + (joined.size() == 1 ? " subject joined" : " subjects joined")
                    + " in batch " + ctx.batchId() + ": " + listed(joined), ctx.batchId(), now);
        }
    }

    private static String listed(List<String> subjects) {
        int shown = Math.min(subjects.size(), LISTED_SUBJECTS);
        String list = String.join(", ", subjects.subList(0, shown));
        return shown == subjects.size() ? list : list + " and " + (subjects.size() - shown) + " more";
    }

    private void cleared(AlertState a, BatchKey key, AlertBook book, ChangeLog log) {
        BatchKey clear = a.clearKey();
        if (!a.breachKey().isBefore(key) || (clear != null && !clear.isBefore(key))) {
            return; // an older or already counted batch says nothing about the streak
        }
        a.clearCount++;
        a.lastClearAt = key.at();
        a.lastClearBatchId = key.batchId();
        log.touch(a);
        if (a.clearCount >= autoResolveAfter) {
            resolve(a, SYSTEM, "condition cleared for " + a.clearCount + " consecutive batches (last: " + key.batchId() + ")",
                    book, log);
        }
    }

    /** Acknowledges an open alert; false when it already was. */
    public boolean acknowledge(AlertState a, String actor, String reason, ChangeLog log) {
        if (a.status == AlertStatus.RESOLVED) {
            throw new IllegalStateException("alert " + a.alertId + " is resolved; only open alerts can be acknowledged");
        }
        if (a.status == AlertStatus.ACKNOWLEDGED) {
            return false;
        }
        Instant now = clock.instant();
        a.status = AlertStatus.ACKNOWLEDGED;
        a.acknowledgedAt = now;
        a.acknowledgedBy = actor;
        log.record(a, Transition.ACKNOWLEDGED, AlertStatus.OPEN, actor, reason, false, now);
        return true;
    }

    public void resolve(AlertState a, String actor, String reason, AlertBook book, ChangeLog log) {
        if (a.status == AlertStatus.RESOLVED) {
            throw new IllegalStateException("alert " + a.alertId + " is already resolved");
        }
        Instant now = clock.instant();
        AlertStatus from = a.status;
        a.status = AlertStatus.RESOLVED;
        a.resolvedAt = now;
        a.resolvedBy = actor;
        a.resolveReason = reason;
        if (book != null) {
            book.resolved(a);
        }
        log.record(a, Transition.RESOLVED, from, actor, reason, a.notified, now);
    }

    private static void describe(AlertState a, AlertRule rule, Observation obs, BatchKey key, Instant seen) {
        a.kind = rule.kind();
        a.severity = obs.severity();
        a.metric = rule.path().field();
        a.series = obs.series();
        a.comparator = rule.comparison().id();
        a.threshold = rule.threshold();
        a.value = obs.value();
        a.subjects = obs.subjects();
        a.batchId = key.batchId();
        a.batchAt = key.at();
        a.lastSeenAt = seen;
        if (obs.explanation() != null) {
            a.explanation = obs.explanation();
        }
    }
}
