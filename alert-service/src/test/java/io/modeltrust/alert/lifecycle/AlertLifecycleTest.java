package io.modeltrust.alert.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.Results;
import io.modeltrust.alert.rules.AlertRule;
import io.modeltrust.alert.rules.BatchKey;
import io.modeltrust.alert.rules.DefaultRules;
import io.modeltrust.alert.rules.History;
import io.modeltrust.alert.rules.ResultFlattener;
import io.modeltrust.alert.rules.RuleEvaluator;
import io.modeltrust.alert.rules.Snapshot;
import io.modeltrust.model.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    private final AlertLifecycle lifecycle = new AlertLifecycle(2, Duration.ofHours(6),
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    private final RuleEvaluator evaluator = new RuleEvaluator(0.05);
    private final AlertBook book = new AlertBook((alert, batch) -> false);

    private static AlertRule rule(String id) {
        return DefaultRules.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** Evaluates a fairness result with the given female selection rate (male 0.5) at hour h. */
    private ChangeLog fairness(AlertRule rule, int hour, double femaleRate) {
        Instant at = T0.plus(Duration.ofHours(hour));
        JsonNode tree = Json.MAPPER.valueToTree(Results.fairness("m", "b" + hour, at, femaleRate, 0.001));
        return apply(rule, tree, new BatchKey(at, "b" + hour));
    }

    private ChangeLog apply(AlertRule rule, JsonNode tree, BatchKey key) {
        Snapshot s = Snapshot.of(key, 1, ResultFlattener.flatten(tree));
        ChangeLog log = new ChangeLog();
        lifecycle.apply(rule, evaluator.evaluate(rule, s, History.NONE), new ResultContext("m", key, "fairness", 1, tree),
                book, log);
        return log;
    }

    @Test
    void opensUpdatesAndResolvesAfterClearBatches() {
        AlertRule r = rule("fairness.disparate-impact");
        ChangeLog opened = fairness(r, 0, 0.3);
        assertEquals(List.of(Transition.OPENED), transitions(opened));
        AlertState a = opened.touched().get(0);
        assertEquals("sex=female", a.subject);
        assertEquals(0.6, a.value, 1e-12);
        assertTrue(a.explanation.startsWith("sex=female: selection rate 0.3"), a.explanation);
        assertTrue(a.explanation.contains("against 0.5 for the reference group male (600 rows)"), a.explanation);
        assertTrue(a.explanation.contains("p = 0.001"), a.explanation);
        assertTrue(opened.changes().get(0).page());

        ChangeLog updated = fairness(r, 1, 0.35);
        assertEquals(List.of(Transition.UPDATED), transitions(updated));
        assertEquals(2, a.occurrences);
        assertEquals("b1", a.batchId);
        assertEquals("b0", a.firstBatchId);
        assertFalse(updated.changes().get(0).page());

        assertEquals(List.of(), transitions(fairness(r, 2, 0.5)), "one clear batch: not yet");
        assertEquals(1, a.clearCount);
        ChangeLog resolved = fairness(r, 3, 0.49);
        assertEquals(List.of(Transition.RESOLVED), transitions(resolved));
        assertEquals(AlertStatus.RESOLVED, a.status);
        assertEquals(AlertLifecycle.SYSTEM, a.resolvedBy);
        assertTrue(resolved.changes().get(0).page(), "a paged alert pages its resolution");
    }

    @Test
    void breachWithinCooldownReopensWithoutPagingAndLaterOpensANewOne() {
        AlertRule r = rule("fairness.disparate-impact");
        AlertState first = fairness(r, 0, 0.3).touched().get(0);
        fairness(r, 1, 0.5);
        fairness(r, 2, 0.5);
        assertEquals(AlertStatus.RESOLVED, first.status);

        ChangeLog flap = fairness(r, 3, 0.3);
        assertEquals(List.of(Transition.REOPENED), transitions(flap));
        assertSame(first, flap.touched().get(0));
        assertEquals(AlertStatus.OPEN, first.status);
        assertEquals(2, first.occurrences);
        assertFalse(flap.changes().get(0).page(), "flapping does not page");

        fairness(r, 4, 0.5);
        ChangeLog quietResolve = fairness(r, 5, 0.5);
        assertFalse(quietResolve.changes().get(0).page(), "nor does the resolution of an unpaged reopen");

        ChangeLog later = fairness(r, 12, 0.3);
        assertEquals(List.of(Transition.OPENED), transitions(later));
        assertFalse(later.touched().get(0).alertId.equals(first.alertId));
    }

    @Test
    void groupedRuleKeepsOneAlertPerBatchListingSubjects() {
        AlertRule r = rule("drift.features");
        JsonNode tree = Json.MAPPER.valueToTree(Results.drift("m", "b0", T0, List.of("income", "age"), Map.of()));
        ChangeLog log = apply(r, tree, new BatchKey(T0, "b0"));
        assertEquals(1, log.changes().size());
        AlertState a = log.touched().get(0);
        assertEquals("", a.subject);
        assertEquals(List.of("income", "age"), a.subjects);
        assertEquals("income", a.shownSubject(), "the single subject field names the first feature");
        assertEquals(2.0, a.value);
        assertTrue(a.explanation.contains("The distribution of income shifted"), a.explanation);
    }

    @Test
    void subjectsThatJoinAGroupedAlertWidenItWithAnAuditNote() {
        AlertRule r = rule("drift.features");
        AlertState a = apply(r, Json.MAPPER.valueToTree(Results.drift("m", "b0", T0, List.of("income", "age"), Map.of())),
                new BatchKey(T0, "b0")).touched().get(0);
        Instant t1 = T0.plus(Duration.ofHours(1));
        ChangeLog later = apply(r, Json.MAPPER.valueToTree(Results.drift("m", "b1", t1, List.of("income", "age", "duration"),
                Map.of())), new BatchKey(t1, "b1"));
        assertSame(a, later.touched().get(0), "the grouped alert is widened, not a second alert");
        assertEquals(List.of("income", "age", "duration"), a.subjects);
        assertEquals(1, later.notes().size());
        ChangeLog.Note note = later.notes().get(0);
        assertEquals(AlertLifecycle.SUBJECTS_JOINED, note.kind());
        assertEquals("b1", note.batchId());
        assertTrue(note.reason().contains("1 subject joined in batch b1: duration"), note.reason());
        var event = io.modeltrust.alert.notify.AlertEvents.of(later.changes().get(0), "http://x/report");
        assertEquals(List.of("income", "age", "duration"), event.subjects());
        assertEquals("income", event.subject());

        ChangeLog same = apply(r, Json.MAPPER.valueToTree(Results.drift("m", "b2", t1.plusSeconds(3600),
                List.of("age", "income"), Map.of())), new BatchKey(t1.plusSeconds(3600), "b2"));
        assertEquals(List.of(), same.notes(), "no subject is new");
    }

    @Test
    void olderBatchBreachCountsButKeepsNewestBatch() {
        AlertRule r = rule("fairness.disparate-impact");
        AlertState a = fairness(r, 5, 0.3).touched().get(0);
        ChangeLog late = fairness(r, 2, 0.3);
        assertEquals(List.of(Transition.UPDATED), transitions(late));
        assertEquals(2, a.occurrences);
        assertEquals("b5", a.batchId);
        assertEquals(List.of(), transitions(fairness(r, 2, 0.3)), "the same batch twice is one occurrence");
        assertEquals(List.of(), transitions(fairness(r, 3, 0.5)), "an older clear batch says nothing");
        assertEquals(0, a.clearCount);
    }

    @Test
    void humanTransitions() {
        AlertState a = fairness(rule("fairness.disparate-impact"), 0, 0.3).touched().get(0);
        ChangeLog log = new ChangeLog();
        assertTrue(lifecycle.acknowledge(a, "ana", "looking", log));
        assertFalse(lifecycle.acknowledge(a, "ana", "again", log));
        assertEquals(AlertStatus.ACKNOWLEDGED, a.status);
        ChangeLog more = fairness(rule("fairness.disparate-impact"), 1, 0.3);
        assertEquals(AlertStatus.ACKNOWLEDGED, more.changes().get(0).alert().status, "updates keep the acknowledgement");
        lifecycle.resolve(a, "ana", "fixed upstream", book, log);
        assertEquals("ana", a.resolvedBy);
        assertNull(book.active(a.key()));
        assertThrows(IllegalStateException.class, () -> lifecycle.acknowledge(a, "bo", null, new ChangeLog()));
        assertThrows(IllegalStateException.class, () -> lifecycle.resolve(a, "bo", null, book, new ChangeLog()));
    }

    @Test
    void aBreachAfterAPersonResolvedOpensANewAlertThatNamesTheOld() {
        AlertRule r = rule("fairness.disparate-impact");
        AlertState a = fairness(r, 0, 0.3).touched().get(0);
        lifecycle.resolve(a, "ana", "accepted: a new product launch", book, new ChangeLog());
        ChangeLog late = fairness(r, 1, 0.3);
        assertEquals(List.of(Transition.OPENED), transitions(late), "never a silent reopen");
        AlertState next = late.touched().get(0);
        assertFalse(next.alertId.equals(a.alertId));
        assertEquals(a.alertId, next.previousAlertId);
        assertTrue(late.changes().get(0).page(), "it pages");
        assertTrue(late.changes().get(0).reason().contains("after ana resolved alert " + a.alertId),
                late.changes().get(0).reason());
        assertEquals(AlertStatus.RESOLVED, a.status);
    }

    @Test
    void anInfoNoteThatBecomesSignificantPages() {
        AlertRule r = rule("fairness.disparate-impact");
        Instant at = T0;
        ChangeLog first = apply(r, Json.MAPPER.valueToTree(Results.fairness("m", "b0", at, 0.3, 0.2)), new BatchKey(at, "b0"));
        AlertState a = first.touched().get(0);
        assertEquals(io.modeltrust.alert.rules.Severity.INFO, a.severity);
        ChangeLog escalated = fairness(r, 1, 0.3);
        assertEquals(io.modeltrust.alert.rules.Severity.CRITICAL, a.severity);
        assertTrue(escalated.changes().get(0).page(), "info to critical pages");
        assertTrue(escalated.changes().get(0).reason().contains("escalated from info to critical"));
    }

    private static List<Transition> transitions(ChangeLog log) {
        return log.changes().stream().map(ChangeLog.Change::transition).toList();
    }
}
