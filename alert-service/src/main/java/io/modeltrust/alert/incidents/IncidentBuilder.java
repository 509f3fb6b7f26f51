package io.modeltrust.alert.incidents;

import io.modeltrust.alert.lifecycle.AlertView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Groups a model's alerts into incidents: alerts whose spans [first batch, last breached batch] overlap
 * in batch time belong together, transitively (a drift from batch 6 to 14 joins an accuracy drop from 12
 * and a fairness dip from 9). Plain Java: the caller hands in the alerts, each batch's time and ordinal,
 * and a reader of stored results for the explanation.
 */
public final class IncidentBuilder {

    private static final List<String> SEVERITIES = List.of("info", "warning", "critical");

    private IncidentBuilder() {
    }

    /** The stored result of a kind for a batch, as received; null when absent. */
    public interface Results {
        com.fasterxml.jackson.databind.JsonNode result(String batchId, String kind);
    }

    /** A batch of the model: its time and its 1-based position in batch order. */
    public record BatchPlace(Instant at, int ordinal) {
    }

    /** Incidents, newest first. */
    public static List<Incident> build(String modelId, List<AlertView> alerts, Map<String, BatchPlace> batches,
                                       Results results) {
        List<Incident.Member> members = new ArrayList<>();
        for (AlertView a : alerts) {
            BatchPlace last = batches.get(a.batchId());
            BatchPlace first = batches.getOrDefault(a.firstBatchId(), last);
            Instant to = last != null ? last.at() : a.batchAt();
            Instant from = first != null ? first.at() : to;
            if (from == null || to == null) {
                continue; // a batch the history no longer holds: nothing to place it by
            }
            members.add(new Incident.Member(a.alertId(), a.rule(), a.kind(), a.severity(), a.status(), a.subject(),
                    a.metric(), a.firstBatchId(), a.batchId(), from.isAfter(to) ? to : from, to));
        }
        members.sort(Comparator.comparing(Incident.Member::from).thenComparing(Incident.Member::to)
                .thenComparing(Incident.Member::alertId));
        List<List<Incident.Member>> groups = new ArrayList<>();
        Instant end = null;
        for (Incident.Member m : members) {
            if (end == null || m.from().isAfter(end)) {
                groups.add(new ArrayList<>());
                end = m.to();
            } else if (m.to().isAfter(end)) {
                end = m.to();
            }
            groups.get(groups.size() - 1).add(m);
        }
        List<Incident> out = new ArrayList<>();
        for (List<Incident.Member> g : groups) {
            out.add(incident(modelId, g, batches, results));
        }
        out.sort(Comparator.comparing(Incident::from).reversed());
        return out;
    }

    private static Incident incident(String modelId, List<Incident.Member> g, Map<String, BatchPlace> batches,
                                     Results results) {
        Instant to = g.stream().map(Incident.Member::to).max(Instant::compareTo).orElseThrow();
        boolean open = g.stream().anyMatch(m -> !"resolved".equals(m.status()));
        String severity = g.stream().map(Incident.Member::severity).max(Comparator.comparingInt(SEVERITIES::indexOf))
                .orElse("info");
        LinkedHashSet<String> kinds = new LinkedHashSet<>();
        g.forEach(m -> kinds.add(m.kind()));
        return new Incident(g.get(0).alertId(), modelId, g.get(0).from(), to, open ? "open" : "resolved", severity,
                List.copyOf(kinds), IncidentStory.explain(g, batches, results), List.copyOf(g));
    }
}
