package io.modeltrust.ingest.batch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What ingest published for one upload; also the memory behind Idempotency-Key. */
@Entity
@Table(name = "batches")
public class BatchEntity extends PanacheEntityBase {

    @Id
    @Column(name = "batch_id")
    public String batchId;

    @Column(name = "model_id")
    public String modelId;

    public String kind;

    @Column(name = "row_count")
    public long rows;

    public int chunks;

    @Column(name = "model_version")
    public int modelVersion;

    @Column(name = "reference_version")
    public int referenceVersion;

    @Column(name = "batch_at")
    public Instant at;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "matched_labels")
    public Long matchedLabels;

    @Column(name = "columns_json", columnDefinition = "text")
    public String columnsJson;
}
