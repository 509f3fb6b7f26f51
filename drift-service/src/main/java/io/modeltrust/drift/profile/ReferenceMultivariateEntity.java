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

/** A reference's stored reconstruction model (ReconstructionModelCodec bytes; no rows). */
@Entity
@Table(name = "reference_multivariate")
@IdClass(ReferenceMultivariateEntity.Key.class)
public class ReferenceMultivariateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    @Id
    @Column(name = "reference_version")
    public int referenceVersion;

    public String method;

    public byte[] model;

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
