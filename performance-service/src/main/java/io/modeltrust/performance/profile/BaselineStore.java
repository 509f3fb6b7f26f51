package io.modeltrust.performance.profile;

import io.modeltrust.model.Json;
import io.modeltrust.performance.config.PerformanceServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Persists reference baselines and keeps the recently used ones in memory. */
@ApplicationScoped
public class BaselineStore {

    private final EntityManager em;
    private final Map<String, ReferenceBaseline> cache;

    public BaselineStore(EntityManager em, PerformanceServiceConfig config) {
        this.em = em;
        int capacity = config.baselineCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ReferenceBaseline> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Replaces whatever was stored for this reference version: a redelivered reference is harmless. */
    @Transactional
    public void save(ReferenceBaseline baseline) {
        BaselineEntity e = new BaselineEntity();
        e.modelId = baseline.modelId();
        e.referenceVersion = baseline.referenceVersion();
        e.task = baseline.task();
        e.rows = baseline.rows();
        e.labeledRows = baseline.labeledRows();
        e.baselineJson = Json.toString(baseline);
        e.createdAt = Instant.now();
        em.merge(e);
        synchronized (cache) {
            cache.put(key(baseline.modelId(), baseline.referenceVersion()), baseline);
        }
    }

    public Optional<ReferenceBaseline> load(String modelId, int referenceVersion) {
        String key = key(modelId, referenceVersion);
        synchronized (cache) {
            ReferenceBaseline cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        BaselineEntity e = em.find(BaselineEntity.class, keyOf(modelId, referenceVersion));
        if (e == null) {
            return Optional.empty();
        }
        ReferenceBaseline baseline = Json.fromString(e.baselineJson, ReferenceBaseline.class);
        synchronized (cache) {
            cache.put(key, baseline);
        }
        return Optional.of(baseline);
    }

    /** The stored JSON of a baseline, for the REST API. */
    public Optional<String> json(String modelId, int referenceVersion) {
        return Optional.ofNullable(em.find(BaselineEntity.class, keyOf(modelId, referenceVersion))).map(e -> e.baselineJson);
    }

    public Optional<String> latestJson(String modelId) {
        return em.createQuery("select b.baselineJson from BaselineEntity b where b.modelId = ?1 "
                        + "order by b.referenceVersion desc", String.class)
                .setParameter(1, modelId).setMaxResults(1).getResultStream().findFirst();
    }

    private static BaselineEntity.Key keyOf(String modelId, int referenceVersion) {
        BaselineEntity.Key k = new BaselineEntity.Key();
        k.modelId = modelId;
        k.referenceVersion = referenceVersion;
        return k;
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
