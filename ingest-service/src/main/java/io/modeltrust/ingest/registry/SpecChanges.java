package io.modeltrust.ingest.registry;

import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The changes to a model spec that would make its stored history mean something else: once a model has
 * data, its task, classes, positive class, or a column's type or role may not change, and no column may
 * go. Every service reads each batch with the spec it was published with, so such a change would leave
 * results of one model computed on two meanings. Adding a feature is fine: it takes part from the next
 * reference on.
 */
final class SpecChanges {

    private SpecChanges() {
    }

    /** What {@code next} changes of {@code stored} that a model with data may not change; empty when none. */
    static List<String> breaking(ModelSpec stored, ModelSpec next) {
        List<String> out = new ArrayList<>();
        if (stored.task() != next.task()) {
            out.add("task " + wire(stored) + " → " + wire(next));
        }
        if (!stored.classesOrEmpty().isEmpty() && !Objects.equals(stored.classes(), next.classes())) {
            out.add("classes " + stored.classes() + " → " + next.classesOrEmpty());
        }
        if (!Objects.equals(stored.positiveClass(), next.positiveClass())) {
            out.add("positiveClass " + stored.positiveClass() + " → " + next.positiveClass());
        }
        if (!Objects.equals(stored.scoresOrEmpty(), next.scoresOrEmpty())) {
            out.add("scores " + stored.scoresOrEmpty() + " → " + next.scoresOrEmpty());
        }
        Map<String, String> before = columns(stored);
        Map<String, String> after = columns(next);
        before.forEach((name, kind) -> {
            String now = after.get(name);
            if (now == null) {
                out.add("column " + name + " (" + kind + ") removed");
            } else if (!now.equals(kind)) {
                out.add("column " + name + ": " + kind + " → " + now);
            }
        });
        return out;
    }

    /** Every column by name, with its role (and type, for features). */
    private static Map<String, String> columns(ModelSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FeatureSpec f : spec.featuresOrEmpty()) {
            ColumnType type = f.type();
            out.put(f.name(), "feature, " + (type == null ? "?" : type.wire()));
        }
        put(out, spec.prediction(), "prediction");
        put(out, spec.score(), "score");
        put(out, spec.label(), "label");
        put(out, spec.id(), "id");
        put(out, spec.timestamp(), "timestamp");
        spec.scoresOrEmpty().forEach((cls, column) -> put(out, column, "score of class " + cls));
        return out;
    }

    private static void put(Map<String, String> out, String column, String role) {
        if (column != null) {
            out.putIfAbsent(column, role);
        }
    }

    private static String wire(ModelSpec spec) {
        return spec.task() == null ? "?" : spec.task().wire();
    }
}
