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

/**
 * A production batch awaiting delayed labels: its packed inputs (see
 * {@link io.modeltrust.fairness.labels.PendingPredictions}), its model spec at arrival and the
 * revision of its latest published result.
 */
@Entity
@Table(name = "pending_predictions")
@IdClass(PendingEntity.Key.class)
public class PendingEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    @Id
    @Column(name = "batch_id")
    public String batchId;

    @Column(name = "reference_version")
    public int referenceVersion;

    @Column(name = "batch_at")
    public Instant batchAt;

    @Column(name = "row_count")
    public int rowCount;

    @Column(name = "labeled_rows")
    public long labeledRows;

    public int revision;

    @Column(name = "spec_json", columnDefinition = "text")
    public String specJson;

    @Column(name = "attributes_json", columnDefinition = "text")
    public String attributesJson;

    @Column(name = "id_hashes")
    public byte[] idHashes;

    @Column(name = "group_codes")
    public byte[] groupCodes;

    public byte[] predictions;

    public byte[] labels;

    /** Multiclass only: the predicted class per row, packed (null for binary). */
    @Column(name = "predicted_classes")
    public byte[] predictedClasses;

    /** Multiclass only: per row 1 / 0 / -1, whether the prediction equals the label (null for binary). */
    public byte[] correct;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

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
