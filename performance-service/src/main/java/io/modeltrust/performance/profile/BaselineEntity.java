package io.modeltrust.performance.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A stored {@link ReferenceBaseline} (aggregates only: metrics, edges, slice figures; no rows). */
@Entity
@Table(name = "baselines")
@IdClass(BaselineEntity.Key.class)
public class BaselineEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    @Id
    @Column(name = "reference_version")
    public int referenceVersion;

    public String task;

    public long rows;

    @Column(name = "labeled_rows")
    public long labeledRows;

    @Column(name = "baseline_json", columnDefinition = "text")
    public String baselineJson;

    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public String modelId;
        public int referenceVersion;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.referenceVersion == referenceVersion && Objects.equals(k.modelId, modelId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelId, referenceVersion);
        }
    }
}
