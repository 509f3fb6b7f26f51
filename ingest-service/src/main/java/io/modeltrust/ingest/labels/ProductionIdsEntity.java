package io.modeltrust.ingest.labels;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The sorted 64-bit hashes of one production batch's ids (8 bytes a row, no raw ids), so that a
 * labels upload can say at once how many of its ids match a prediction.
 */
@Entity
@Table(name = "production_ids")
public class ProductionIdsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "batch_id")
    public String batchId;

    @Column(name = "model_id")
    public String modelId;

    @Column(name = "hashes")
    public byte[] hashes;

    @Column(name = "created_at")
    public Instant createdAt;
}
