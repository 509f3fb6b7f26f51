package io.modeltrust.drift;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Batches of a three-class model (approve / review / decline, one score column per class). The
 * reference never predicts "decline"; production does, and its model spec gained the feature
 * {@code x_new}, which the reference does not have.
 */
public final class MulticlassBatches {

    public static final List<String> CLASSES = List.of("approve", "review", "decline");
    public static final String NEW_FEATURE = "x_new";

    private MulticlassBatches() {
    }

    public static ModelSpec spec(boolean withNewFeature) {
        List<FeatureSpec> features = new ArrayList<>(List.of(new FeatureSpec("x1", ColumnType.NUMERIC),
                new FeatureSpec("c1", ColumnType.CATEGORICAL)));
        if (withNewFeature) {
            features.add(new FeatureSpec(NEW_FEATURE, ColumnType.NUMERIC));
        }
        Map<String, String> scores = new LinkedHashMap<>();
        CLASSES.forEach(c -> scores.put(c, "p_" + c));
        return new ModelSpec(Task.MULTICLASS_CLASSIFICATION, features, "decision", null, "outcome", null, null, null,
                null, null, null, null, CLASSES, scores);
    }

    public static List<ColumnSpec> columns(boolean withNewFeature) {
        List<ColumnSpec> out = new ArrayList<>(List.of(
                new ColumnSpec("x1", ColumnRole.FEATURE, ColumnType.NUMERIC),
                new ColumnSpec("c1", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
                new ColumnSpec("decision", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
                new ColumnSpec("outcome", ColumnRole.LABEL, ColumnType.CATEGORICAL),
                new ColumnSpec("p_approve", ColumnRole.SCORE, ColumnType.NUMERIC),
                new ColumnSpec("p_review", ColumnRole.SCORE, ColumnType.NUMERIC),
                new ColumnSpec("p_decline", ColumnRole.SCORE, ColumnType.NUMERIC)));
        if (withNewFeature) {
            out.add(new ColumnSpec(NEW_FEATURE, ColumnRole.FEATURE, ColumnType.NUMERIC));
        }
        return out;
    }

    /** The data; {@code declineShare} of rows predicted "decline" (0 for the reference). */
    public static List<Column> data(long seed, int rows, double declineShare, boolean withNewFeature) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x1 = new double[rows];
        int[] c1 = new int[rows];
        int[] decision = new int[rows];
        int[] outcome = new int[rows];
        double[][] scores = new double[3][rows];
        double[] extra = new double[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = random.nextDouble() * 10;
            c1[i] = random.nextInt(3);
            double u = random.nextDouble();
            decision[i] = u < declineShare ? 2 : u < declineShare + (1 - declineShare) / 2 ? 0 : 1;
            outcome[i] = random.nextDouble() < 0.7 ? decision[i] : random.nextInt(3);
            // the predicted class's score lies in [0.5, 0.9), the others share the rest
            double top = 0.5 + 0.4 * random.nextDouble();
            for (int c = 0; c < 3; c++) {
                scores[c][i] = c == decision[i] ? top : (1 - top) / 2;
            }
            extra[i] = random.nextDouble();
        }
        // the prediction column's dictionary lists the classes in another order than the model does
        String[] predictionDictionary = {"review", "approve", "decline"};
        int[] recoded = new int[rows];
        for (int i = 0; i < rows; i++) {
            recoded[i] = List.of(predictionDictionary).indexOf(CLASSES.get(decision[i]));
        }
        List<Column> out = new ArrayList<>(List.of(new NumericColumn(x1),
                new CategoricalColumn(new String[] {"a", "b", "c"}, c1),
                new CategoricalColumn(predictionDictionary, recoded),
                new CategoricalColumn(CLASSES.toArray(String[]::new), outcome),
                new NumericColumn(scores[0]), new NumericColumn(scores[1]), new NumericColumn(scores[2])));
        if (withNewFeature) {
            out.add(new NumericColumn(extra));
        }
        return out;
    }

    public static AssembledBatch reference(int rows) {
        return assembled(BatchKind.REFERENCE, "ref", rows, 0.0, false);
    }

    public static AssembledBatch production(int rows, double declineShare) {
        return assembled(BatchKind.PRODUCTION, "prod", rows, declineShare, true);
    }

    private static AssembledBatch assembled(BatchKind kind, String batchId, int rows, double declineShare,
                                            boolean withNewFeature) {
        BatchHeader header = new BatchHeader(null, 1, "e-" + batchId, "m", batchId, kind, 1, 1, spec(withNewFeature),
                columns(withNewFeature), Instant.EPOCH, Instant.EPOCH);
        return new AssembledBatch(header, new BatchSeal(null, 1, "s-" + batchId, "m", batchId, kind, rows, 1),
                data(kind == BatchKind.REFERENCE ? 1 : 2, rows, declineShare, withNewFeature));
    }
}
