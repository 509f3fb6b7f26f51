package io.modeltrust.fairness.it;

import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.service.testing.ClassifierBatches;
import io.modeltrust.service.testing.DeletionContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** fairness-service deletes results, baselines and predictions awaiting labels on monitoring.control (DeletionContract). */
@QuarkusTest
class FairnessDeletionTest extends DeletionContract {

    @Inject
    DataSource dataSource;

    @Override
    protected List<BatchRecord> reference(String model, String batchId, Instant receivedAt) {
        return ClassifierBatches.of(model, batchId, BatchKind.REFERENCE, receivedAt);
    }

    @Override
    protected List<BatchRecord> production(String model, String batchId, Instant receivedAt) {
        return ClassifierBatches.of(model, batchId, BatchKind.PRODUCTION, receivedAt);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected List<String> modelTables() {
        return List.of("results", "baselines", "pending_predictions");
    }

    @Override
    protected List<String> batchTables() {
        return List.of("results", "pending_predictions");
    }
}
