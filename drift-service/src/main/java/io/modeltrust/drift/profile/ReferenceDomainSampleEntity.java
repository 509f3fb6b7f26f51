package io.modeltrust.drift.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The sample of a reference's standardised feature rows that the domain classifier reads (DomainSample
 * bytes), keyed as the reconstruction model is.
 */
@Entity
@Table(name = "reference_domain_sample")
@IdClass(ReferenceMultivariateEntity.Key.class)
public class ReferenceDomainSampleEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    @Id
    @Column(name = "reference_version")
    public int referenceVersion;

    @Column(name = "sample_rows")
    public int rows;

    public byte[] sample;

    @Column(name = "created_at")
    public Instant createdAt;
}
