package io.modeltrust.ingest.rest;

import io.modeltrust.ingest.batch.BatchEntity;
import io.modeltrust.ingest.batch.BatchIngestor;
import io.modeltrust.ingest.batch.BatchReceipt;
import io.modeltrust.ingest.batch.BatchStore;
import io.modeltrust.ingest.batch.UploadBody;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchKind;
import jakarta.ws.rs.Consumes;
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

/** Reference, production and label uploads (docs/api.md "Data"). Bodies are streamed. */
@Path("/api/v1/models/{modelId}")
@Produces(MediaType.APPLICATION_JSON)
public class DataResource {

    private final BatchIngestor ingestor;
    private final BatchStore store;

    public DataResource(BatchIngestor ingestor, BatchStore store) {
        this.ingestor = ingestor;
        this.store = store;
    }

    @POST
    @Path("/reference")
    @Consumes(MediaType.WILDCARD)
    public Response reference(@PathParam("modelId") String modelId,
                              @HeaderParam("Content-Type") String contentType,
                              @HeaderParam("Content-Encoding") String contentEncoding,
                              InputStream body) {
        BatchReceipt receipt = ingestor.ingest(modelId, BatchKind.REFERENCE,
                new UploadBody(body, contentType, contentEncoding), null, null);
        return Response.status(201).entity(receipt).build();
    }

    @POST
    @Path("/batches")
    @Consumes(MediaType.WILDCARD)
    public Response batch(@PathParam("modelId") String modelId,
                          @QueryParam("at") String at,
                          @HeaderParam("Idempotency-Key") String idempotencyKey,
                          @HeaderParam("Content-Type") String contentType,
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
    public Response labels(@PathParam("modelId") String modelId,
                           @HeaderParam("Content-Type") String contentType,
                           @HeaderParam("Content-Encoding") String contentEncoding,
                           InputStream body) {
        BatchReceipt receipt = ingestor.ingest(modelId, BatchKind.LABELS,
                new UploadBody(body, contentType, contentEncoding), null, null);
        return Response.status(202).entity(receipt).build();
    }

    @GET
    @Path("/batches/{batchId}")
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
