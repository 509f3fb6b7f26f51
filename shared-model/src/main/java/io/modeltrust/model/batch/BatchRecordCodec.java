package io.modeltrust.model.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;

/**
 * Reads and writes the three record types of monitoring.batches. Header and seal are JSON with
 * a {@code record} discriminator; chunks are binary ({@link ChunkCodec}); the first bytes tell
 * them apart, so no Kafka header is needed to decode a record.
 */
public final class BatchRecordCodec {

    /** Kafka header naming the record type, for tools that route without decoding. */
    public static final String RECORD_TYPE_HEADER = "mt-record";
    public static final String BATCH_ID_HEADER = "mt-batch-id";
    public static final String CHUNK = "chunk";

    private BatchRecordCodec() {
    }

    public static byte[] encode(BatchRecord record, boolean deflateChunks) {
        if (record instanceof DataChunk chunk) {
            return ChunkCodec.encode(chunk, deflateChunks);
        }
        return Json.toBytes(record);
    }

    public static String typeOf(BatchRecord record) {
        if (record instanceof BatchHeader) {
            return BatchHeader.RECORD;
        }
        return record instanceof BatchSeal ? BatchSeal.RECORD : CHUNK;
    }

    public static BatchRecord decode(byte[] value) {
        if (value == null || value.length == 0) {
            throw new BatchFormatException("empty record");
        }
        if (ChunkCodec.looksLikeChunk(value)) {
            return ChunkCodec.decode(value);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(value);
        } catch (Exception e) {
            throw new BatchFormatException("neither a chunk nor JSON: " + e.getMessage(), e);
        }
        String type = node == null || !node.hasNonNull("record") ? "" : node.get("record").asText();
        try {
            return switch (type) {
                case BatchHeader.RECORD -> validHeader(Json.MAPPER.treeToValue(node, BatchHeader.class));
                case BatchSeal.RECORD -> validSeal(Json.MAPPER.treeToValue(node, BatchSeal.class));
                default -> throw new BatchFormatException("unknown record type '" + type + "'");
            };
        } catch (BatchFormatException e) {
            throw e;
        } catch (Exception e) {
            throw new BatchFormatException("malformed " + type + ": " + e.getMessage(), e);
        }
    }

    private static BatchHeader validHeader(BatchHeader h) {
        if (h.modelId() == null || h.batchId() == null || h.kind() == null || h.columns() == null
                || h.model() == null) {
            throw new BatchFormatException("header lacks modelId, batchId, kind, model or columns");
        }
        return h;
    }

    private static BatchSeal validSeal(BatchSeal s) {
        if (s.batchId() == null || s.rows() < 0 || s.chunks() < 0) {
            throw new BatchFormatException("seal lacks batchId or has negative counts");
        }
        return s;
    }
}
