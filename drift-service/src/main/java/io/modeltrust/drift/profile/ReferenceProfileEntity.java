package io.modeltrust.drift.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A stored column profile (aggregates and the sorted reference values; no row ids). */
@Entity
@Table(name = "reference_profiles")
@IdClass(ReferenceProfileEntity.Key.class)
public class ReferenceProfileEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    @Id
    @Column(name = "reference_version")
    public int referenceVersion;

    @Id
    @Column(name = "column_name")
    public String columnName;

    public String role;

    public String type;

    public byte[] profile;

    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public String modelId;
        public int referenceVersion;
        public String columnName;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.referenceVersion == referenceVersion && Objects.equals(k.modelId, modelId)
                    && Objects.equals(k.columnName, columnName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelId, referenceVersion, columnName);
        }
    }
}
