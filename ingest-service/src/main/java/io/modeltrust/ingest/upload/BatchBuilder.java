package io.modeltrust.ingest.upload;

import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.IdHash;
import io.modeltrust.model.spec.ColumnType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Reads an upload row by row, validates every value against the expected columns and encodes the
 * valid rows into chunks. After the first problem it keeps reading only to count problems, so the
 * producer learns everything wrong with the upload in one answer.
 */
public final class BatchBuilder {

    /**
     * Largest encoded size (as {@link ChunkAccumulator} estimates it) of one row. A row is never
     * split over chunks, so this keeps every chunk record under the producer's max.request.size and
     * the topic's max.message.bytes (both 16 MiB) with room for the record's own overhead.
     */
    static final long MAX_ROW_BYTES = (16L << 20) - (256L << 10);

    private final String batchId;
    private final List<ExpectedColumn> expected;
    private final int chunkRows;
    private final long chunkMaxBytes;
    private final boolean deflate;
    private final Problems problems = new Problems();
    private final boolean uniqueIds;
    private final Map<String, Set<String>> distinct = new HashMap<>();
    static final int MAX_DISTINCT = 20;
    static final double SCORE_SUM_TOLERANCE = 0.001;
    /** Score columns of a multiclass model (one per class); 0 or 1 for other models. */
    private final int classScoreColumns;
    private double rowScoreSum;
    private int rowScores;

    /** {@code uniqueIds}: an id may stand in one row only (production and label uploads). */
    public BatchBuilder(String batchId, List<ExpectedColumn> expected, int chunkRows, long chunkMaxBytes,
                        boolean deflate, boolean uniqueIds) {
        this.uniqueIds = uniqueIds;
        this.classScoreColumns = (int) expected.stream().filter(e -> e.spec().role() == ColumnRole.SCORE).count();
        this.batchId = batchId;
        this.expected = List.copyOf(expected);
        this.chunkRows = chunkRows;
        this.chunkMaxBytes = chunkMaxBytes;
        this.deflate = deflate;
    }

    public Problems problems() {
        return problems;
    }

    /** Reads everything; the result is null when there were problems (see {@link #problems()}). */
    public StagedBatch build(RowReader reader) throws IOException {
        List<String> header = reader.header();
        int[] source = bindHeader(header);
        if (problems.any()) {
            return null;
        }
        int columns = expected.size();
        ColumnType[] types = new ColumnType[columns];
        int idColumn = -1;
        for (int c = 0; c < columns; c++) {
            types[c] = expected.get(c).spec().type();
            if (expected.get(c).spec().role() == ColumnRole.ID) {
                idColumn = c;
            }
        }
        ChunkAccumulator chunk = new ChunkAccumulator(batchId, types, chunkRows, deflate);
        List<byte[]> chunks = new ArrayList<>();
        long[] ids = idColumn >= 0 ? new long[1024] : null;
        long[] nonMissing = new long[columns];
        String[] values = new String[header.size()];
        long row = 0;
        while (reader.next(values)) {
            row++;
            reader.drainRowProblems(row, problems);
            long rowBytes = estimateBytes(values, source, types);
            if (rowBytes > MAX_ROW_BYTES) {
                problems.add(row, null, "the row is too large: about " + rowBytes + " bytes encoded, at most "
                        + MAX_ROW_BYTES + " fit in one record");
            }
            boolean keep = !problems.any();
            if (keep && !chunk.isEmpty() && chunk.bytes() + rowBytes > chunkMaxBytes) {
                chunks.add(chunk.flush()); // close the chunk before a row that would overfill it
            }
            rowScoreSum = 0;
            rowScores = 0;
            for (int c = 0; c < columns; c++) {
                String raw = source[c] < 0 ? null : values[source[c]];
                accept(row, c, raw, keep, chunk, nonMissing);
            }
            checkScoreSum(row);
            if (problems.any()) {
                continue;
            }
            if (ids != null) {
                if (row > ids.length) {
                    ids = Arrays.copyOf(ids, ids.length * 2);
                }
                // a reference may leave the id out (column absent or value empty); its hashes are not used
                String id = source[idColumn] < 0 ? null : values[source[idColumn]];
                ids[(int) row - 1] = id == null || id == RowReader.ABSENT ? 0L : IdHash.of(id);
            }
            if (chunk.endRow(chunkMaxBytes)) {
                chunks.add(chunk.flush());
            }
        }
        if (row == 0) {
            problems.add(null, null, "the upload has no data rows");
        }
        for (int c = 0; c < columns; c++) {
            ExpectedColumn column = expected.get(c);
            if (row > 0 && column.mustNotBeEmpty() && nonMissing[c] == 0) {
                problems.add(null, column.name(), "the column is empty in every row");
            }
        }
        if (ids != null && uniqueIds && !problems.any()) {
            DuplicateIds.report(ids, (int) row, expected.get(idColumn).name(), problems);
        }
        if (problems.any()) {
            return null;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk.flush());
        }
        return new StagedBatch(batchId, row, chunks, ids == null ? null : Arrays.copyOf(ids, (int) row));
    }

    /** Validates one value, and stores it when the row is kept. */
    private void accept(long row, int c, String raw, boolean keep, ChunkAccumulator chunk, long[] nonMissing) {
        ExpectedColumn column = expected.get(c);
        if (raw == RowReader.ABSENT) {
            if (column.mustBePresent()) {
                problems.add(row, column.name(), "missing column");
            }
            raw = null;
        }
        if (column.spec().type() == ColumnType.NUMERIC) {
            double v = raw == null ? Double.NaN : NumberParser.parse(raw);
            if (v == NumberParser.INVALID) {
                problems.add(row, column.name(), "not a finite number: " + abbreviate(raw));
                return;
            }
            if (v == v) {
                nonMissing[c]++;
                if (column.probability() && (v < 0 || v > 1)) {
                    problems.add(row, column.name(), "a score must be a probability in [0, 1], not " + abbreviate(raw));
                }
                if (classScoreColumns > 1 && column.spec().role() == ColumnRole.SCORE) {
                    rowScoreSum += v;
                    rowScores++;
                }
            } else if (column.valueRequired()) {
                problems.add(row, column.name(), "a value is required");
            }
            if (keep) {
                chunk.setNumber(c, v);
            }
            return;
        }
        if (raw != null) {
            nonMissing[c]++;
            if (column.classes() != null) {
                raw = matchClass(row, c, column, raw);
            }
            if (raw.indexOf('\0') >= 0) {
                // PostgreSQL text cannot hold NUL: a category carrying one could never reach the history.
                problems.add(row, column.name(), "a category value holds a NUL character (U+0000)");
            }
            if (column.namesGroups() && raw.length() > ExpectedColumn.MAX_GROUP_NAME) {
                problems.add(row, column.name(), "a value of a sensitive attribute names a fairness group and is at most "
                        + ExpectedColumn.MAX_GROUP_NAME + " characters; this one has " + raw.length());
            }
        } else if (column.valueRequired()) {
            problems.add(row, column.name(), "a value is required");
        }
        if (keep) {
            chunk.setCategory(c, raw);
        }
    }

    /** A multiclass row's scores are one distribution: all given and summing to 1, or all missing. */
    private void checkScoreSum(long row) {
        if (classScoreColumns < 2 || rowScores == 0) {
            return;
        }
        if (rowScores < classScoreColumns) {
            problems.add(row, null, "the row gives scores for " + rowScores + " of the " + classScoreColumns
                    + " classes: give all or none");
        } else if (Math.abs(rowScoreSum - 1) > SCORE_SUM_TOLERANCE) {
            problems.add(row, null, "the class scores sum to " + rowScoreSum + ", not 1 (within "
                    + SCORE_SUM_TOLERANCE + ")");
        }
    }

    /** The value as the class is declared; a value of no class is a problem (and kept as it was). */
    private String matchClass(long row, int c, ExpectedColumn column, String raw) {
        ClassValues classes = column.classes();
        String matched = classes.match(raw);
        if (matched == null) {
            problems.add(row, column.name(), abbreviate(raw) + " is none of the model's classes "
                    + String.join(", ", classes.names()));
            return raw;
        }
        if (!classes.isClosed()) {
            var seen = distinct.computeIfAbsent(column.name(), k -> new LinkedHashSet<>());
            if (seen.size() < MAX_DISTINCT) {
                seen.add(matched);
            }
        }
        return matched;
    }

    /**
     * The distinct values (at most {@value #MAX_DISTINCT}, as matched) of each class column whose classes
     * are not fixed yet: a binary model's first reference fixes its classes from them.
     */
    public Map<String, Set<String>> distinctClassValues() {
        return distinct;
    }

    /** Maps each expected column to its position in the upload, -1 when absent; reports header problems. */
    private int[] bindHeader(List<String> header) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                problems.add(null, "#" + (i + 1), "the header has an empty column name");
            } else if (position.putIfAbsent(name, i) != null) {
                problems.add(null, name, "duplicate column in the header");
            }
        }
        int[] source = new int[expected.size()];
        Map<String, Boolean> known = new HashMap<>();
        for (int c = 0; c < expected.size(); c++) {
            ExpectedColumn column = expected.get(c);
            known.put(column.name(), true);
            Integer at = position.get(column.name());
            source[c] = at == null ? -1 : at;
            if (at == null && column.mustBePresent()) {
                problems.add(null, column.name(), "missing column");
            }
        }
        for (String name : header) {
            if (!name.isEmpty() && !known.containsKey(name)) {
                problems.add(null, name, "unexpected column");
            }
        }
        return source;
    }

    /** The row's size as {@link ChunkAccumulator} counts it (an upper bound of its encoded size). */
    private static long estimateBytes(String[] values, int[] source, ColumnType[] types) {
        long bytes = 0;
        for (int c = 0; c < types.length; c++) {
            String raw = source[c] < 0 ? null : values[source[c]];
            if (types[c] == ColumnType.NUMERIC) {
                bytes += 8;
            } else {
                bytes += raw == null || raw == RowReader.ABSENT ? 1 : 10 + 3L * raw.length();
            }
        }
        return bytes;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "…'";
    }
}
