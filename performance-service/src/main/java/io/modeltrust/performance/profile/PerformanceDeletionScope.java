package io.modeltrust.performance.profile;

import io.modeltrust.service.deletion.DeletionScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What performance-service holds of a model, for deletions on monitoring.control (docs/operations.md "Deleting"). */
@ApplicationScoped
public class PerformanceDeletionScope implements DeletionScope {

    private static final List<DataTable> TABLES = List.of(new DataTable("pending_predictions", true),
            new DataTable("label_batches", true), new DataTable("results", true), new DataTable("baselines", false));

    private final BaselineStore store;

    public PerformanceDeletionScope(BaselineStore store) {
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
