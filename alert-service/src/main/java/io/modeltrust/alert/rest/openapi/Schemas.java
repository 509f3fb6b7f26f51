package io.modeltrust.alert.rest.openapi;

import io.modeltrust.alert.lifecycle.AlertView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of the answers that alert-service writes by hand (stored events go out byte for byte, the drift matrix
 * and the series as compact text), for its OpenAPI document only: no resource builds these records.
 */
public final class Schemas {

    private Schemas() {
    }

    /** A stored result event as its service published it (docs/api.md, "Result events"). */
    @Schema(name = "StoredResult", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            description = "A result event exactly as the drift, performance or fairness service published it: kind, "
                    + "schemaVersion, eventId, modelId, batchId, referenceVersion, revision, computedAt, at and the "
                    + "kind's sections (docs/api.md, Result events; the metric services' OpenAPI has their schemas)")
    public static final class StoredResult {
        private StoredResult() {
        }
    }

    @Schema(name = "BatchReport", description = "A batch's latest stored result of each kind and its alerts")
    public record BatchReport(
            @Schema(required = true) String modelId,
            @Schema(required = true) String batchId,
            @Schema(required = true, description = "The batch's time") Instant at,
            @Schema(implementation = StoredResult.class, nullable = true, description = "null until it arrived") Object drift,
            @Schema(implementation = StoredResult.class, nullable = true, description = "null until it arrived") Object performance,
            @Schema(implementation = StoredResult.class, nullable = true, description = "null until it arrived") Object fairness,
            @Schema(required = true, description = "Per kind, the revisions stored (1 is the first result, labels bring more)")
            Map<String, List<Integer>> revisions,
            @Schema(required = true, description = "The batch's alerts") List<AlertView> alerts) {
    }

    @Schema(name = "SeriesPoint", description = "One batch's value of a metric")
    public record SeriesPoint(@Schema(required = true) String batchId,
                              @Schema(required = true, description = "The batch's time") Instant at,
                              @Schema(required = true) double value) {
    }

    @Schema(name = "MatrixBatch")
    public record MatrixBatch(@Schema(required = true) String batchId, @Schema(required = true) Instant at) {
    }

    @Schema(name = "DriftMatrix", description = "Feature × batch drift of the newest drift results, oldest first")
    public record DriftMatrix(
            @Schema(required = true) String modelId,
            @Schema(required = true, description = "The figure: psi, statistic, pValue, adjustedPValue, jensenShannon or wasserstein")
            String value,
            @Schema(description = "The segment shown (segment=), absent for the whole batch") String segment,
            @Schema(required = true, description = "Every segment (column=value) the model's drift results carry")
            List<String> segments,
            @Schema(required = true) List<String> features,
            @Schema(required = true) List<MatrixBatch> batches,
            @Schema(required = true, description = "Per batch; null where unknown") List<Double> driftShare,
            @Schema(required = true, description = "values[batch][feature], 4 significant digits; null where the batch lacks the feature")
            List<List<Double>> values,
            @Schema(required = true, description = "drifted[batch][feature]: 1, 0 or null") List<List<Integer>> drifted) {
    }

    @Schema(name = "Deletion", description = "Ingest's record of a deletion (docs/api.md, Deleting), passed back as it answered")
    public record Deletion(@Schema(required = true) String eventId,
                           @Schema(required = true, description = "model_deleted or batch_deleted") String kind,
                           @Schema(required = true) String modelId,
                           @Schema(nullable = true) String batchId,
                           @Schema(required = true, description = "The API key's name, or anonymous") String actor,
                           @Schema(required = true) Instant at,
                           @Schema(nullable = true, description = "When monitoring.control acknowledged the event") Instant publishedAt) {
    }

    @Schema(name = "StoredReport", description = "A generated period report's metadata and its download href")
    public record StoredReport(@Schema(required = true) String reportId,
                               @Schema(required = true) String modelId,
                               @Schema(nullable = true) String scheduleId,
                               @Schema(required = true, description = "schedule or manual (a run on demand)") String trigger,
                               @Schema(required = true) Instant from,
                               @Schema(required = true) Instant to,
                               @Schema(required = true, description = "html, pdf or json") String format,
                               @Schema(required = true) String mediaType,
                               @Schema(required = true) int sizeBytes,
                               @Schema(required = true) int batches,
                               @Schema(required = true) int alerts,
                               @Schema(required = true) String summary,
                               @Schema(required = true) Instant generatedAt,
                               @Schema(required = true, description = "GET it to download the document") String href) {
    }
}
