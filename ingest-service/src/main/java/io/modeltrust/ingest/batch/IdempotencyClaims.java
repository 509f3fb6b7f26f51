package io.modeltrust.ingest.batch;

import io.modeltrust.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Claims an Idempotency-Key before its upload is published. The claim commits on its own, so a racing request
 * with the same key sees it at once; the claim then becomes {@code published} in the transaction that records
 * the batch ({@link BatchStore#save}), or is released when the upload fails before anything was published.
 */
@ApplicationScoped
public class IdempotencyClaims {

    /** What a claim attempt found. */
    public sealed interface Outcome {
    }

    /** This request holds the key now. */
    public record Claimed() implements Outcome {
    }

    /** Another request published with this key: answer with its receipt. */
    public record Published(String batchId) implements Outcome {
    }

    /** Another request holds the key and has not finished. */
    public record InFlight() implements Outcome {
    }

    static final String IN_FLIGHT = "in_flight";
    static final String PUBLISHED = "published";

    private final EntityManager em;
    private final IngestConfig config;

    public IdempotencyClaims(EntityManager em, IngestConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome claim(String modelId, String key, String batchId) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp stale = Timestamp.from(Instant.now().minus(config.idempotencyClaimTimeout()));
        // Insert, or take over a claim whose holder died before publishing; either way one row, one winner.
        int won = em.createNativeQuery("""
                INSERT INTO idempotency_claims (model_id, idempotency_key, batch_id, state, claimed_at)
                VALUES (?1, ?2, ?3, 'in_flight', ?4)
                ON CONFLICT (model_id, idempotency_key) DO UPDATE SET batch_id = EXCLUDED.batch_id,
                    claimed_at = EXCLUDED.claimed_at
                WHERE idempotency_claims.state = 'in_flight' AND idempotency_claims.claimed_at < ?5""")
                .setParameter(1, modelId).setParameter(2, key).setParameter(3, batchId).setParameter(4, now)
                .setParameter(5, stale).executeUpdate();
        if (won == 1) {
            return new Claimed();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT batch_id, state FROM idempotency_claims "
                        + "WHERE model_id = ?1 AND idempotency_key = ?2")
                .setParameter(1, modelId).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return new InFlight(); // released between our insert and our read: the client retries
        }
        return PUBLISHED.equals(rows.get(0)[1]) ? new Published((String) rows.get(0)[0]) : new InFlight();
    }

    /** Marks the claim published; runs in the caller's transaction, the one that records the batch. */
    void published(String modelId, String key, String batchId) {
        em.createNativeQuery("UPDATE idempotency_claims SET state = 'published' WHERE model_id = ?1 "
                        + "AND idempotency_key = ?2 AND batch_id = ?3")
                .setParameter(1, modelId).setParameter(2, key).setParameter(3, batchId).executeUpdate();
    }

    /**
     * The batch reached Kafka but recording it failed: keep the key from ever publishing again. Best effort: when
     * the database is away too, the claim stays in flight until the claim timeout.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void publishedAfterFailure(String modelId, String key, String batchId) {
        published(modelId, key, batchId);
    }

    /** The upload failed before anything was published: a corrected repeat may use the key. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String modelId, String key, String batchId) {
        em.createNativeQuery("DELETE FROM idempotency_claims WHERE model_id = ?1 AND idempotency_key = ?2 "
                        + "AND batch_id = ?3 AND state = 'in_flight'")
                .setParameter(1, modelId).setParameter(2, key).setParameter(3, batchId).executeUpdate();
    }
}
