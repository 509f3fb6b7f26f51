package io.modeltrust.service.store;

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
 * A published result revision, kept byte for byte as published, in each metric service's own
 * {@code results} table; its presence marks that revision as done, which makes redelivery a no-op.
 */
@Entity
@Table(name = "results")
@IdClass(ResultEntity.Key.class)
public class ResultEntity extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    @Id
    @Column(name = "batch_id")
    public String batchId;

    @Id
    public int revision;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "result_json", columnDefinition = "text")
    public String resultJson;

    @Column(name = "computed_at")
    public Instant computedAt;

    public static class Key implements Serializable {
        public String modelId;
        public String batchId;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.revision == revision && Objects.equals(k.modelId, modelId)
                    && Objects.equals(k.batchId, batchId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelId, batchId, revision);
        }
    }
}
