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

/** The fairness figures of one reference version (the engine's report as JSON). */
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

    @Column(name = "row_count")
    public long rowCount;

    @Column(name = "report_json", columnDefinition = "text")
    public String reportJson;

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
