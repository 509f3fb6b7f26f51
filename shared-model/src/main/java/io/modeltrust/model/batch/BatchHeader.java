package io.modeltrust.model.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modeltrust.model.spec.ModelSpec;
import java.time.Instant;
import java.util.List;

/**
 * Makes a batch self-describing: consumers need no call to the registry to interpret it. The
 * column order here is the order of columns in every chunk of the batch.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchHeader(
        String record,
        int schemaVersion,
        String eventId,
        String modelId,
        String batchId,
        BatchKind kind,
        int modelVersion,
        int referenceVersion,
        ModelSpec model,
        List<ColumnSpec> columns,
        Instant at,
        Instant receivedAt) implements BatchRecord {

    public static final String RECORD = "header";

    public BatchHeader {
        record = RECORD;
    }
}
