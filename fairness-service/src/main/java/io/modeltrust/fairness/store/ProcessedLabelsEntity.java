package io.modeltrust.fairness.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A labels batch already joined with the stored predictions. */
@Entity
@Table(name = "processed_labels")
@IdClass(ProcessedLabelsEntity.Key.class)
public class ProcessedLabelsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    @Id
    @Column(name = "batch_id")
    public String batchId;

    @Column(name = "row_count")
    public long rowCount;

    @Column(name = "matched_rows")
    public long matchedRows;

    @Column(name = "revised_batches")
    public int revisedBatches;

    @Column(name = "processed_at")
    public Instant processedAt;

    public static class Key implements Serializable {
        public String modelId;
        public String batchId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.modelId, modelId) && Objects.equals(k.batchId, batchId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelId, batchId);
        }
    }
}
