package io.modeltrust.performance.pending;

import io.modeltrust.performance.rows.RowCodec;
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
 * The predictions of one production batch, kept for delayed labels and for corrections of labels already
 * known until the prediction retention ends: one row per batch, every per-row array
 * packed into a bytea by {@link RowCodec} (see V1__performance.sql for the layout and storage; a multiclass
 * batch, which V1 predates, keeps 1 byte of class code per row in {@code predictions} and one float64 column
 * per class in {@code scores}, as RowCodec says).
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

    public String task;

    public int rows;

    @Column(name = "labeled_rows")
    public int labeledRows;

    @Column(name = "slice_features")
    public short sliceFeatures;

    @Column(name = "batch_at")
    public Instant batchAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "id_hashes")
    public byte[] idHashes;

    public byte[] predictions;

    public byte[] scores;

    public byte[] labels;

    @Column(name = "slice_bins")
    public byte[] sliceBins;

    public RowCodec.Packed packed() {
        return new RowCodec.Packed(idHashes, predictions, scores, labels, sliceBins, sliceFeatures);
    }

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
