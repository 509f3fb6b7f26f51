package io.modeltrust.fairness.store;

import io.modeltrust.fairness.config.FairnessServiceConfig;
import io.modeltrust.fairness.metrics.FairnessReport;
import io.modeltrust.model.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persists the baseline of each reference version and keeps the recently used ones in memory. */
@ApplicationScoped
public class BaselineStore {

    private final EntityManager em;
    private final Map<String, FairnessReport> cache;

    public BaselineStore(EntityManager em, FairnessServiceConfig config) {
        this.em = em;
        int capacity = config.baselineCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FairnessReport> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Replaces whatever was stored for this reference version: a redelivered reference is harmless. */
    @Transactional
    public void save(String modelId, int referenceVersion, long rows, FairnessReport report) {
        BaselineEntity e = new BaselineEntity();
        e.modelId = modelId;
        e.referenceVersion = referenceVersion;
        e.rowCount = rows;
        e.reportJson = Json.toString(report);
        e.createdAt = Instant.now();
        em.merge(e);
        synchronized (cache) {
            cache.put(key(modelId, referenceVersion), report);
        }
    }

    public Optional<FairnessReport> load(String modelId, int referenceVersion) {
        String key = key(modelId, referenceVersion);
        synchronized (cache) {
            FairnessReport cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        List<String> rows = em.createQuery("select b.reportJson from BaselineEntity b where b.modelId = ?1 "
                        + "and b.referenceVersion = ?2", String.class)
                .setParameter(1, modelId).setParameter(2, referenceVersion).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        FairnessReport report = Json.fromString(rows.get(0), FairnessReport.class);
        synchronized (cache) {
            cache.put(key, report);
        }
        return Optional.of(report);
    }

    /** The stored report as JSON, for the REST API. */
    public Optional<String> json(String modelId, int referenceVersion) {
        return em.createQuery("select b.reportJson from BaselineEntity b where b.modelId = ?1 and b.referenceVersion = ?2",
                        String.class)
                .setParameter(1, modelId).setParameter(2, referenceVersion).getResultStream().findFirst();
    }

    /** Forgets every cached version of a deleted model: its id may be registered again from version 1. */
    public void evict(String modelId) {
        String prefix = modelId + "#";
        synchronized (cache) {
            cache.keySet().removeIf(k -> k.startsWith(prefix));
        }
    }

    private static String key(String modelId, int version) {
        return modelId + "#" + version;
    }
}
