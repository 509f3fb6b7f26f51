package io.modeltrust.alert.rest;

import io.modeltrust.security.JsonStrings;

import io.modeltrust.security.ApiProblem;

import io.modeltrust.alert.history.DriftMatrixQuery;
import io.modeltrust.alert.history.HistoryQueries;
import io.modeltrust.alert.rules.InvalidPathException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The drift matrix of a model for the dashboard's heat map: one answer instead of one report per
 * batch. Values are rounded to 4 significant digits (a heat map's precision; the reports keep the
 * exact numbers).
 */
@Path("/api/v1/models/{modelId}/drift-matrix")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history")
public class DriftMatrixResource {

    @Inject
    DriftMatrixQuery query;
    @Inject
    HistoryQueries history;

    @GET
    @APIResponse(responseCode = "200", description = "The matrix", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = io.modeltrust.alert.rest.openapi.Schemas.DriftMatrix.class)))
    @APIResponse(responseCode = "400", description = "value= names no drift figure (of a segment, with segment=), or a bad query parameter")
    @APIResponse(responseCode = "404", description = "No result of the model has arrived")
    @Operation(summary = "Feature × batch drift of the newest limit (default 1000) drift results in [from, to), oldest first: "
            + "{modelId, value, features[], batches[{batchId, at}], driftShare[], values[batch][feature], "
            + "drifted[batch][feature] (1, 0, or null where the batch lacks the feature)}; value= picks the figure "
            + "(psi by default, or statistic, pValue, adjustedPValue, jensenShannon, wasserstein), rounded to 4 significant digits; "
            + "segment=column=value shows that segment's features (value= psi, pValue, adjustedPValue or hellinger); "
            + "segments[] lists the segments the model's results carry")
    public Response matrix(@PathParam("modelId") String modelId, @QueryParam("value") String value,
                           @QueryParam("segment") String segment, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        Params.modelId(modelId);
        String field = value == null || value.isBlank() ? "psi" : value;
        String shown = segment == null || segment.isBlank() ? null : segment;
        try {
            DriftMatrixQuery.checkField(field, shown);
        } catch (InvalidPathException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        if (!history.modelExists(modelId)) {
            throw ApiProblem.notFound("no results for model " + modelId + " have arrived");
        }
        DriftMatrixQuery.Matrix m = query.read(modelId, field, shown, Params.instant("from", from, Params.EARLIEST),
                Params.instant("to", to, Params.LATEST), Params.limit(limit, 1000, 10_000));
        return Response.ok(write(modelId, m), MediaType.APPLICATION_JSON).build();
    }

    static String write(String modelId, DriftMatrixQuery.Matrix m) {
        int n = m.features().size();
        StringBuilder out = new StringBuilder(256 + m.batchIds().size() * (64 + n * 12));
        out.append("{\"modelId\":").append(JsonStrings.quote(modelId)).append(",\"value\":").append(JsonStrings.quote(m.field()));
        if (m.segment() != null) {
            out.append(",\"segment\":").append(JsonStrings.quote(m.segment()));
        }
        out.append(",\"segments\":");
        strings(out, m.segments());
        out.append(",\"features\":");
        strings(out, m.features());
        out.append(",\"batches\":[");
        for (int b = 0; b < m.batchIds().size(); b++) {
            out.append(b == 0 ? "" : ",").append("{\"batchId\":").append(JsonStrings.quote(m.batchIds().get(b)))
                    .append(",\"at\":\"").append(m.at().get(b)).append("\"}");
        }
        out.append("],\"driftShare\":[");
        for (int b = 0; b < m.driftShare().length; b++) {
            number(out.append(b == 0 ? "" : ","), m.driftShare()[b]);
        }
        out.append("],\"values\":");
        rows(out, m.values());
        out.append(",\"drifted\":");
        rows(out, m.drifted());
        return out.append('}').toString();
    }

    private static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(JsonStrings.quote(values.get(i)));
        }
        out.append(']');
    }

    private static void rows(StringBuilder out, double[][] rows) {
        out.append('[');
        for (int b = 0; b < rows.length; b++) {
            out.append(b == 0 ? "[" : ",[");
            for (int f = 0; f < rows[b].length; f++) {
                number(out.append(f == 0 ? "" : ","), rows[b][f]);
            }
            out.append(']');
        }
        out.append(']');
    }

    /** 4 significant digits; null for NaN; whole numbers (the 0/1 flags) without a fraction. */
    static void number(StringBuilder out, double v) {
        if (!Double.isFinite(v)) {
            out.append("null");
            return;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
            return;
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        int decimals = 3 - exponent;
        if (decimals <= 0) {
            out.append(Math.round(v)); // large figures: whole numbers are precise enough
            return;
        }
        if (decimals > 22) {
            out.append(v);
            return;
        }
        double scale = Math.pow(10, decimals);
        double rounded = Math.round(v * scale) / scale;
        out.append(rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded));
    }
}
