package io.modeltrust.performance.pending;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A labels batch this service has processed: its presence makes redelivery a no-op. */
@Entity
@Table(name = "label_batches")
@IdClass(LabelBatchEntity.Key.class)
public class LabelBatchEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    @Id
    @Column(name = "batch_id")
    public String batchId;

    public long rows;

    /** Distinct ids that matched at least one stored prediction. */
    public long matched;

    /** Distinct ids that matched no stored prediction (unknown or expired). */
    public long unmatched;

    @Column(name = "affected_batches")
    public int affectedBatches;

    @Column(name = "received_at")
    public Instant receivedAt;

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
