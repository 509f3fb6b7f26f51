package io.modeltrust.ingest.rest;

import io.modeltrust.ingest.deletion.Deletion;
import io.modeltrust.ingest.deletion.Deletions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of deletions (docs/api.md "Deleting"); the DELETEs live beside the GETs they undo. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deletion", description = "Deleting a model or a batch everywhere, and the audit log: docs/api.md (Deleting)")
public class AuditResource {

    static final int LIMIT = 1000;
    static final String ACCEPTED = "Accepted: ingest removed its own data, and the control event is published on "
            + "monitoring.control (while Kafka is away it will be: publishedAt stays null until then). Every service "
            + "deletes its data on that event. A repeated DELETE is a no-op that answers the first deletion.";

    private final Deletions deletions;

    public AuditResource(Deletions deletions) {
        this.deletions = deletions;
    }

    @GET
    @Operation(summary = "The audit log of deletions, newest first",
            description = "Who deleted what and when: at most " + LIMIT + " entries.")
    @APIResponse(responseCode = "200", description = "The deletions, of one model when modelId is given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Deletion.class)))
    public List<Deletion> audit(@Parameter(description = "Only the deletions of this model id (models deleted and "
                                        + "registered again included)")
                                @QueryParam("modelId") String modelId) {
        return deletions.audit(modelId == null || modelId.isBlank() ? null : modelId, LIMIT);
    }
}
