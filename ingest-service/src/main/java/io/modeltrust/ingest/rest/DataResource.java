package io.modeltrust.ingest.rest;

import io.modeltrust.security.ApiProblem;

import io.modeltrust.ingest.batch.BatchEntity;
import io.modeltrust.ingest.batch.BatchIngestor;
import io.modeltrust.ingest.batch.BatchReceipt;
import io.modeltrust.ingest.batch.BatchStore;
import io.modeltrust.ingest.batch.UploadBody;
import io.modeltrust.ingest.rest.openapi.Bodies;
import io.modeltrust.ingest.rest.openapi.UploadSchema;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.ingest.deletion.ControlOutbox;
import io.modeltrust.ingest.deletion.Deletion;
import io.modeltrust.ingest.deletion.Deletions;
import io.modeltrust.security.ApiCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reference, production and label uploads (docs/api.md "Data"). Bodies are streamed. */
@Path("/api/v1/models/{modelId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "uploads", description = "Reference, production and label uploads: docs/api.md (Data uploads)")
public class DataResource {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    static final String BAD_BODY = "The body does not fit the model: malformed CSV, JSON or NDJSON, invalid UTF-8, a "
            + "corrupt gzip, a value that is no number in a numeric column or matches no class, a score outside [0, 1], "
            + "a missing or unexpected column, a repeated id, no data rows. errors names the row and column of the "
            + "first 100 problems. Nothing was published.";
    static final String TOO_LARGE = "The body, counted after decompression, is larger than ingest.max-body-bytes "
            + "(INGEST_MAX_BODY_BYTES, default 1 GiB). Nothing was published.";
    static final String UNSUPPORTED = "A Content-Type other than CSV, JSON or NDJSON, a Content-Encoding other than "
            + "gzip or identity, or an unknown charset";
    static final String UNAVAILABLE = "Kafka or the database is not reachable (ingest waits at most "
            + "ingest.publish-timeout, 10 s, for Kafka). Nothing was published; retry after Retry-After seconds.";
    static final String NO_MODEL = "No such model is registered";

    private final BatchIngestor ingestor;
    private final BatchStore store;
    private final Deletions deletions;
    private final ControlOutbox outbox;
    private final ApiCaller caller;

    public DataResource(BatchIngestor ingestor, BatchStore store, Deletions deletions, ControlOutbox outbox,
                        ApiCaller caller) {
        this.ingestor = ingestor;
        this.store = store;
        this.deletions = deletions;
        this.outbox = outbox;
        this.caller = caller;
    }

    @POST
    @Path("/reference")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload the reference data",
            description = "Each reference gets the next referenceVersion and is what batches that arrive after it are "
                    + "compared with. For a binary model without classes, the first reference fixes them.")
    @RequestBody(required = true, description = Bodies.UPLOAD, content = {
            @Content(mediaType = CSV,
                    schema = @Schema(type = SchemaType.STRING, format = "binary", description = Bodies.CSV),
                    examples = @ExampleObject(name = "csv", value = Bodies.CSV_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = Bodies.JSON),
                    examples = @ExampleObject(name = "json", value = Bodies.JSON_EXAMPLE)),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = Bodies.NDJSON),
                    examples = @ExampleObject(name = "ndjson", value = Bodies.NDJSON_EXAMPLE))})
    @APIResponse(responseCode = "201", description = "Published: every record was acknowledged by Kafka",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchReceipt.class)))
    @APIResponse(responseCode = "400", description = BAD_BODY + " For a binary model without classes: a label (or "
            + "prediction) column that does not hold exactly two values, one of them positiveClass.")
    @APIResponse(responseCode = "404", description = NO_MODEL)
    @APIResponse(responseCode = "409", description = "A racing reference fixed other classes first")
    @APIResponse(responseCode = "413", description = TOO_LARGE)
    @APIResponse(responseCode = "415", description = UNSUPPORTED)
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response reference(@PathParam("modelId") String modelId,
                              @HeaderParam("Content-Type") String contentType,
                              @Parameter(description = Bodies.CONTENT_ENCODING,
                                      schema = @Schema(type = SchemaType.STRING, enumeration = {"gzip", "identity"}))
                              @HeaderParam("Content-Encoding") String contentEncoding,
                              InputStream body) {
        BatchReceipt receipt = ingestor.ingest(modelId, BatchKind.REFERENCE,
                new UploadBody(body, contentType, contentEncoding), null, null);
        return Response.status(201).entity(receipt).build();
    }

    @POST
    @Path("/batches")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a production batch",
            description = "Answers only after Kafka acknowledged the whole batch (header, every chunk, seal). Drift, "
                    + "performance and fairness then compute their results for it.")
    @RequestBody(required = true, description = Bodies.UPLOAD, content = {
            @Content(mediaType = CSV,
                    schema = @Schema(type = SchemaType.STRING, format = "binary", description = Bodies.CSV),
                    examples = @ExampleObject(name = "csv", value = Bodies.CSV_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = Bodies.JSON),
                    examples = @ExampleObject(name = "json", value = Bodies.JSON_EXAMPLE)),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = Bodies.NDJSON),
                    examples = @ExampleObject(name = "ndjson", value = Bodies.NDJSON_EXAMPLE))})
    @APIResponse(responseCode = "202", description = "Published, or a repeat of an Idempotency-Key already used for this "
            + "model: then the first upload's receipt, and nothing is published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchReceipt.class)))
    @APIResponse(responseCode = "400", description = BAD_BODY + " Also a bad ?at= or an Idempotency-Key over 200 "
            + "characters.")
    @APIResponse(responseCode = "404", description = NO_MODEL)
    @APIResponse(responseCode = "409", description = "No reference was uploaded yet: drift and baselines are measured "
            + "against it")
    @APIResponse(responseCode = "413", description = TOO_LARGE)
    @APIResponse(responseCode = "415", description = UNSUPPORTED)
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response batch(@PathParam("modelId") String modelId,
                          @Parameter(description = "The batch's time, an ISO-8601 date-time with an offset, from "
                                  + "1970-01-01 up to (not including) 2200-01-01; default: when it was received",
                                  schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                                  example = "2026-11-21T10:00:00Z")
                          @QueryParam("at") String at,
                          @Parameter(description = "A repeat with a key already used for this model returns the first "
                                  + "upload's receipt and publishes nothing",
                                  schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                          @HeaderParam("Idempotency-Key") String idempotencyKey,
                          @HeaderParam("Content-Type") String contentType,
                          @Parameter(description = Bodies.CONTENT_ENCODING,
                                  schema = @Schema(type = SchemaType.STRING, enumeration = {"gzip", "identity"}))
                          @HeaderParam("Content-Encoding") String contentEncoding,
                          InputStream body) {
        Instant batchAt = parseInstant(at);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && key.length() > 200) {
            throw ApiProblem.badRequest("Idempotency-Key must be at most 200 characters");
        }
        BatchReceipt receipt = ingestor.ingest(modelId, BatchKind.PRODUCTION,
                new UploadBody(body, contentType, contentEncoding), batchAt, key);
        return Response.status(202).entity(receipt).build();
    }

    @POST
    @Path("/labels")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload delayed labels",
            description = "Performance and fairness then publish a new revision of each batch that gained labels.")
    @RequestBody(required = true, description = Bodies.LABELS, content = {
            @Content(mediaType = CSV,
                    schema = @Schema(type = SchemaType.STRING, format = "binary", description = Bodies.CSV),
                    examples = @ExampleObject(name = "csv", value = Bodies.LABELS_CSV_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = Bodies.JSON)),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = Bodies.NDJSON))})
    @APIResponse(responseCode = "202", description = "Published; matched counts the ids found among the model's "
            + "production ids (kept for ingest.id-retention, 90 days)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchReceipt.class)))
    @APIResponse(responseCode = "400", description = BAD_BODY)
    @APIResponse(responseCode = "404", description = NO_MODEL)
    @APIResponse(responseCode = "409", description = "The model has no id or no label column, so labels cannot be joined")
    @APIResponse(responseCode = "413", description = TOO_LARGE)
    @APIResponse(responseCode = "415", description = UNSUPPORTED)
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response labels(@PathParam("modelId") String modelId,
                           @HeaderParam("Content-Type") String contentType,
                           @Parameter(description = Bodies.CONTENT_ENCODING,
                                   schema = @Schema(type = SchemaType.STRING, enumeration = {"gzip", "identity"}))
                           @HeaderParam("Content-Encoding") String contentEncoding,
                           InputStream body) {
        BatchReceipt receipt = ingestor.ingest(modelId, BatchKind.LABELS,
                new UploadBody(body, contentType, contentEncoding), null, null);
        return Response.status(202).entity(receipt).build();
    }

    @GET
    @Path("/batches/{batchId}")
    @Operation(summary = "One upload as ingest saw it")
    @APIResponse(responseCode = "200", description = "The upload",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadSchema.class)))
    @APIResponse(responseCode = "404", description = "The model has no such upload")
    public Map<String, Object> get(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId) {
        BatchEntity b = store.find(modelId, batchId)
                .orElseThrow(() -> ApiProblem.notFound("model " + modelId + " has no batch " + batchId));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("modelId", b.modelId);
        node.put("batchId", b.batchId);
        node.put("kind", b.kind);
        node.put("rows", b.rows);
        node.put("chunks", b.chunks);
        node.put("modelVersion", b.modelVersion);
        node.put("referenceVersion", b.referenceVersion);
        node.put("at", b.at.toString());
        node.put("receivedAt", b.receivedAt.toString());
        if (b.matchedLabels != null) {
            node.put("matched", b.matchedLabels);
        }
        node.put("columns", Json.fromString(b.columnsJson, List.class));
        return node;
    }

    @DELETE
    @Path("/batches/{batchId}")
    @Operation(summary = "Delete one production batch everywhere",
            description = "Removes the batch, its ids, its pending predictions, results and history points and the "
                    + "alerts it raised in every service (docs/api.md \"Deleting\").")
    @APIResponse(responseCode = "202", description = AuditResource.ACCEPTED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deletion.class)))
    @APIResponse(responseCode = "404", description = "No such model, or the model has no such batch (nor had one deleted)")
    @APIResponse(responseCode = "409", description = "The batch is a reference or labels upload: only production "
            + "batches are deleted one by one; delete the model to remove everything")
    public Response delete(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId) {
        return Response.accepted(outbox.publishAccepted(
                deletions.deleteBatch(modelId, batchId, caller.nameOr("anonymous")))).build();
    }

    /** Batch times the history can list and auto-resolve against; a batch dated 2999 would stay newest forever. */
    static final Instant EARLIEST_AT = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST_AT = Instant.parse("2200-01-01T00:00:00Z");

    static Instant parseInstant(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            try {
                parsed = Instant.parse(at);
            } catch (DateTimeParseException e2) {
                throw ApiProblem.badRequest("at must be an ISO-8601 date-time such as 2026-11-21T10:00:00Z");
            }
        }
        if (parsed.isBefore(EARLIEST_AT) || !parsed.isBefore(LATEST_AT)) {
            throw ApiProblem.badRequest("at " + at + " is outside the years 1970 to 2199 that batches may be dated in");
        }
        return parsed;
    }
}
