package io.modeltrust.ingest.upload;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Streams the rows of an upload, whatever its format, as strings in the order of
 * {@link #header()}. A null value is a missing value; {@link #ABSENT} marks a key an object row did
 * not have at all.
 */
public interface RowReader extends Closeable {

    /** Marks a value whose column the row did not mention (JSON objects only); compare by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    String ABSENT = new String("<absent>");

    /** Column names of the upload, in value order. */
    List<String> header() throws IOException;

    /**
     * Fills {@code values} (length = header size) with the next row.
     *
     * @return false at the end of the data
     * @throws MalformedUploadException when the data cannot be read any further
     */
    boolean next(String[] values) throws IOException;

    /** Problems the reader found in rows it still returned (such as an unknown key). */
    default void drainRowProblems(long row, Problems problems) {
    }
}
