package io.modeltrust.drift.profile;

import io.modeltrust.service.deletion.DeletionScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What drift-service holds of a model, for deletions on monitoring.control (docs/operations.md "Deleting"). */
@ApplicationScoped
public class DriftDeletionScope implements DeletionScope {

    private static final List<DataTable> TABLES = List.of(new DataTable("results", true), new DataTable("reference_profiles", false),
            new DataTable("reference_multivariate", false), new DataTable("reference_domain_sample", false),
            new DataTable("reference_segments", false), new DataTable("reference_window", true),
            new DataTable("reference_window_batches", true));

    private final ReferenceStore store;

    public DriftDeletionScope(ReferenceStore store) {
        this.store = store;
    }

    @Override
    public List<DataTable> tables() {
        return TABLES;
    }

    @Override
    public void evict(String modelId) {
        store.evict(modelId);
    }
}
