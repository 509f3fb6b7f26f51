package io.modeltrust.ingest.upload;

import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which columns a batch of each kind carries, in the order they go on the wire. Optional columns
 * that an upload leaves out are still published (all missing) so consumers see one shape.
 */
public final class BatchLayout {

    private BatchLayout() {
    }

    public static List<ExpectedColumn> of(ModelSpec spec, BatchKind kind) {
        ColumnType outcome = spec.task() == Task.REGRESSION ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
        ClassValues classes = classValues(spec);
        List<ExpectedColumn> out = new ArrayList<>();
        if (kind == BatchKind.LABELS) {
            out.add(new ExpectedColumn(new ColumnSpec(spec.id(), ColumnRole.ID, ColumnType.CATEGORICAL), true, true, false));
            out.add(new ExpectedColumn(new ColumnSpec(spec.label(), ColumnRole.LABEL, outcome), true, true, false,
                    classes, false));
            return out;
        }
        Set<String> features = new HashSet<>();
        Set<String> sensitive = new HashSet<>(spec.sensitiveOrEmpty());
        for (FeatureSpec f : spec.featuresOrEmpty()) {
            features.add(f.name());
            out.add(new ExpectedColumn(new ColumnSpec(f.name(), ColumnRole.FEATURE, f.type()), true, false,
                    f.type() == ColumnType.CATEGORICAL, null, false, sensitive.contains(f.name())));
        }
        for (String s : spec.sensitiveOrEmpty()) {
            if (!features.contains(s)) {
                ColumnType type = spec.fairnessOrDefaults().bucketsOrEmpty().containsKey(s)
                        ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
                out.add(new ExpectedColumn(new ColumnSpec(s, ColumnRole.SENSITIVE, type), true, false,
                        type == ColumnType.CATEGORICAL, null, false, true));
            }
        }
        out.add(new ExpectedColumn(new ColumnSpec(spec.prediction(), ColumnRole.PREDICTION, outcome), true, true, false,
                classes, false));
        if (spec.score() != null) {
            out.add(new ExpectedColumn(new ColumnSpec(spec.score(), ColumnRole.SCORE, ColumnType.NUMERIC), true, false, false,
                    null, spec.task() != Task.REGRESSION));
        }
        for (String cls : spec.classesOrEmpty()) {
            String column = spec.scoresOrEmpty().get(cls);
            if (column != null) {
                out.add(new ExpectedColumn(new ColumnSpec(column, ColumnRole.SCORE, ColumnType.NUMERIC), true, false,
                        false, null, true));
            }
        }
        if (spec.label() != null) {
            out.add(new ExpectedColumn(new ColumnSpec(spec.label(), ColumnRole.LABEL, outcome), false, false, false,
                    classes, false));
        }
        if (spec.id() != null) {
            boolean required = kind == BatchKind.PRODUCTION;
            out.add(new ExpectedColumn(new ColumnSpec(spec.id(), ColumnRole.ID, ColumnType.CATEGORICAL),
                    required, required, false));
        }
        if (spec.timestamp() != null) {
            out.add(new ExpectedColumn(new ColumnSpec(spec.timestamp(), ColumnRole.TIMESTAMP, ColumnType.CATEGORICAL),
                    false, false, false));
        }
        return out;
    }

    /**
     * How outcome values are matched: to the declared classes; for a binary model whose classes its first
     * reference has yet to fix, openly, with the positive class's spelling; null for regression.
     */
    static ClassValues classValues(ModelSpec spec) {
        if (spec.task() == null || !spec.task().classification()) {
            return null;
        }
        if (!spec.classesOrEmpty().isEmpty()) {
            return ClassValues.closed(spec.classes());
        }
        return ClassValues.open(spec.positiveClass() == null ? List.of() : List.of(spec.positiveClass()));
    }
}
