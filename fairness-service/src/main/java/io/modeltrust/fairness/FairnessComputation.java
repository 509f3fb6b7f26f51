package io.modeltrust.fairness;

import io.modeltrust.fairness.metrics.AttributeFairness;
import io.modeltrust.fairness.metrics.AttributeFairnessDrift;
import io.modeltrust.fairness.metrics.Explanation;
import io.modeltrust.fairness.metrics.ExplanationOptions;
import io.modeltrust.fairness.metrics.FairnessDrift;
import io.modeltrust.fairness.metrics.FairnessEngine;
import io.modeltrust.fairness.metrics.FairnessExplainer;
import io.modeltrust.fairness.metrics.FairnessOptions;
import io.modeltrust.fairness.metrics.FairnessReport;
import io.modeltrust.fairness.metrics.GroupFairness;
import io.modeltrust.fairness.metrics.GroupFairnessDrift;
import io.modeltrust.fairness.metrics.Intersections;
import io.modeltrust.model.event.FairnessResult;
import io.modeltrust.model.event.FairnessResult.AttributeResult;
import io.modeltrust.model.event.FairnessResult.Baseline;
import io.modeltrust.model.event.FairnessResult.GroupResult;
import io.modeltrust.model.event.FairnessResult.Worst;
import io.modeltrust.model.event.ResultKind;
import io.modeltrust.model.spec.FairnessSettings;
import io.modeltrust.model.spec.ModelSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computes the fairness figures of one batch with the engine ({@code metrics}) and maps them to the
 * result event. Plain Java: no framework, no I/O.
 *
 * <p>Reference group: the configured privileged group; otherwise the reference group of the
 * baseline (the same figures on the reference data), so that the disparate-impact ratios and their
 * change since the baseline compare with the same group; otherwise the largest group. For an
 * intersection "a|b" the configured privileged group is "pa|pb" when both parts have one.
 */
public final class FairnessComputation {

    public static final int SCHEMA_VERSION = 1;
    public static final String SOURCE_PRIVILEGED = "privileged";
    public static final String SOURCE_BASELINE = "baseline";
    public static final String SOURCE_LARGEST = "largest";

    private FairnessComputation() {
    }

    /** Identity of the event to build. */
    public record Meta(String eventId, String modelId, String batchId, int referenceVersion, int revision,
                       Instant computedAt, Instant at) {
    }

    /** The engine's report and the event made from it. */
    public record Computed(FairnessReport report, FairnessResult result) {
    }

    /** The baseline: the figures of the reference data with the configured privileged groups only. */
    public static FairnessReport baseline(FairnessInputs inputs, ModelSpec spec) {
        return FairnessEngine.compute(inputs.attributes(), inputs.predictedPositive(), inputs.labelState(),
                inputs.correct(), options(spec, configuredPrivileged(spec), inputs));
    }

    public static Computed compute(FairnessInputs inputs, ModelSpec spec, FairnessReport baseline, Meta meta) {
        Map<String, String> configured = configuredPrivileged(spec);
        Map<String, String> privileged = new HashMap<>(configured);
        if (baseline != null) {
            for (AttributeFairness a : baseline.attributes()) {
                if (a.referenceGroup() != null) {
                    privileged.putIfAbsent(a.attribute(), a.referenceGroup());
                }
            }
        }
        FairnessOptions options = options(spec, privileged, inputs);
        FairnessReport report = FairnessEngine.compute(inputs.attributes(), inputs.predictedPositive(),
                inputs.labelState(), inputs.correct(), options);
        ExplanationOptions wording = wording(spec);
        List<AttributeResult> attributes = new ArrayList<>();
        for (AttributeFairness a : report.attributes()) {
            AttributeFairness base = baseline == null ? null : baseline.attribute(a.attribute());
            AttributeFairnessDrift drift = base == null ? null : FairnessDrift.compare(a.attribute(), a, base);
            String source = !a.referenceIsPrivileged() ? SOURCE_LARGEST
                    : a.referenceGroup().equals(configured.get(a.attribute())) ? SOURCE_PRIVILEGED : SOURCE_BASELINE;
            attributes.add(attribute(a, base, drift, source, wording));
        }
        attributes = GroupSignificance.adjusted(attributes);
        Explanation worst = FairnessExplainer.explainWorst(report, wording);
        Worst w = worst == null ? null : new Worst(worst.attribute(), worst.subject(), worst.metric(),
                finite(worst.value()), finite(worst.threshold()), finite(worst.pValue()), worst.text());
        String explanation = worst != null ? worst.text() : noDisparity(report, options.minGroupSize());
        FairnessResult result = new FairnessResult(ResultKind.FAIRNESS, SCHEMA_VERSION, meta.eventId(), meta.modelId(),
                meta.batchId(), meta.referenceVersion(), meta.revision(), meta.computedAt(), meta.at(), inputs.rows(),
                inputs.labeledRows(), options.minGroupSize(), attributes, w, explanation);
        return new Computed(report, result);
    }

    static FairnessOptions options(ModelSpec spec, Map<String, String> privileged, FairnessInputs inputs) {
        FairnessSettings settings = spec.fairnessOrDefaults();
        return new FairnessOptions(Math.max(1, settings.minGroupSizeOrDefault()), privileged, pairs(spec, inputs));
    }

    /** Configured attribute pairs that name two different attributes of the batch, each pair once. */
    static List<List<String>> pairs(ModelSpec spec, FairnessInputs inputs) {
        Set<String> names = inputs.byName().keySet();
        Set<List<String>> out = new LinkedHashSet<>();
        for (List<String> pair : spec.fairnessOrDefaults().intersectionsOrEmpty()) {
            if (pair != null && pair.size() == 2 && names.containsAll(pair) && !pair.get(0).equals(pair.get(1))) {
                out.add(List.copyOf(pair));
            }
        }
        return new ArrayList<>(out);
    }

    /** The model's privileged map, plus "pa|pb" for every configured pair whose parts both have one. */
    static Map<String, String> configuredPrivileged(ModelSpec spec) {
        Map<String, String> out = new HashMap<>();
        spec.privilegedOrEmpty().forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        for (List<String> pair : spec.fairnessOrDefaults().intersectionsOrEmpty()) {
            if (pair != null && pair.size() == 2 && out.containsKey(pair.get(0)) && out.containsKey(pair.get(1))) {
                out.putIfAbsent(pair.get(0) + Intersections.SEPARATOR + pair.get(1),
                        out.get(pair.get(0)) + Intersections.SEPARATOR + out.get(pair.get(1)));
            }
        }
        return out;
    }

    /** "Approval" becomes "Approval rate"; without a configured word, "Selection rate". */
    static ExplanationOptions wording(ModelSpec spec) {
        String label = spec.fairnessOrDefaults().positiveLabel();
        if (label == null || label.isBlank()) {
            return ExplanationOptions.defaults();
        }
        String noun = label.strip();
        noun = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        if (!noun.toLowerCase(Locale.ROOT).endsWith("rate")) {
            noun = noun + " rate";
        }
        return ExplanationOptions.defaults().withNoun(noun);
    }

    private static AttributeResult attribute(AttributeFairness a, AttributeFairness base, AttributeFairnessDrift drift,
                                             String source, ExplanationOptions wording) {
        List<GroupResult> groups = new ArrayList<>(a.groups().size());
        for (GroupFairness g : a.groups()) {
            GroupFairnessDrift d = drift == null ? null : drift.group(g.group());
            groups.add(new GroupResult(g.group(), g.count(), g.selectionRate(), g.selectionRateLow(),
                    g.selectionRateHigh(), finite(g.tpr()), finite(g.fpr()), finite(g.precision()), finite(g.accuracy()),
                    finite(g.statisticalParityDifference()), finite(g.disparateImpactRatio()), finite(g.pValue()),
                    g.test() == null ? null : g.test().wireName(), g.eligible(),
                    d == null ? null : finite(d.baselineSelectionRate()), d == null ? null : finite(d.selectionRateChange()),
                    g.labelled()));
        }
        Baseline baseline = base == null ? null : new Baseline(finite(base.demographicParityRatio()),
                finite(base.demographicParityDifference()), finite(drift.demographicParityRatioChange()),
                base.referenceGroup());
        return new AttributeResult(a.attribute(), a.referenceGroup(), finite(a.demographicParityDifference()),
                finite(a.demographicParityRatio()), finite(a.equalOpportunityDifference()),
                finite(a.equalizedOddsDifference()), groups, baseline, explanation(a, base, drift, wording), source);
    }

    /** The ratio sentence, the true-positive-rate sentence when labels allow, and the change since the baseline. */
    static String explanation(AttributeFairness a, AttributeFairness base, AttributeFairnessDrift drift,
                              ExplanationOptions wording) {
        List<String> parts = new ArrayList<>();
        parts.add(FairnessExplainer.explain(a, wording).text());
        if (a.equalOpportunityDifference() != null) {
            parts.add(FairnessExplainer.explainEqualOpportunity(a).text());
        }
        if (base != null && base.demographicParityRatio() != null && a.demographicParityRatio() != null) {
            parts.add(String.format(Locale.ROOT, "On the reference data the ratio was %s (change %s)",
                    fixed(base.demographicParityRatio()), signed(drift.demographicParityRatioChange())));
        }
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            String s = p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
            out.append(out.isEmpty() ? "" : ". ").append(s);
        }
        return out.append('.').toString();
    }

    private static String noDisparity(FairnessReport report, int minGroupSize) {
        if (report.attributes().isEmpty()) {
            return "No disparity to assess: the batch has no sensitive attribute.";
        }
        return "No disparity to assess: no sensitive attribute has two groups with at least " + minGroupSize
                + " rows and a positive selection rate.";
    }

    private static String fixed(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String signed(double v) {
        String s = fixed(v);
        return v >= 0 && !s.startsWith("-") ? "+" + s : s;
    }

    static Double finite(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }
}
