package io.modeltrust.ingest.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered model; the spec is kept as the JSON the producer sent, after validation. */
@Entity
@Table(name = "models")
public class ModelEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    public int version;

    @Column(name = "spec_json", columnDefinition = "text")
    public String specJson;

    @Column(name = "reference_version")
    public int referenceVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
