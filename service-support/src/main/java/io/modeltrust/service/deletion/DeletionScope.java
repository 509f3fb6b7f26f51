package io.modeltrust.service.deletion;

import java.util.List;

/**
 * What a metric service holds of a model, for deleting it: its one bean of this type names the tables
 * (each with a model_id column) and empties its in-memory caches.
 */
public interface DeletionScope {

    /** A table of the service's data; {@code perBatch} when it also has a batch_id column. */
    record DataTable(String name, boolean perBatch) {
    }

    /** Every table that holds data of a model, children before parents. */
    List<DataTable> tables();

    /** Forgets whatever is cached of the model: the next batch reads the database again. */
    void evict(String modelId);
}
