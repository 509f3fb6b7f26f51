package io.modeltrust.drift.profile;

import io.modeltrust.drift.config.DriftServiceConfig;
import io.modeltrust.drift.multivariate.DomainSample;
import io.modeltrust.drift.multivariate.ReconstructionModel;
import io.modeltrust.drift.multivariate.ReconstructionModelCodec;
import io.modeltrust.drift.segments.SegmentProfile;
import io.modeltrust.model.batch.ColumnRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persists reference profiles with their reconstruction model and domain-classifier sample, and keeps the
 * recently used ones in memory.
 */
@ApplicationScoped
public class ReferenceStore {

    private final EntityManager em;
    private final Map<String, ReferenceProfiles> cache;

    public ReferenceStore(EntityManager em, DriftServiceConfig config) {
        this.em = em;
        int capacity = config.profileCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ReferenceProfiles> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Replaces whatever was stored for this reference version: a redelivered reference is harmless. */
    @Transactional
    public void save(ReferenceProfiles profiles) {
        em.createQuery("delete from ReferenceProfileEntity where modelId = ?1 and referenceVersion = ?2")
                .setParameter(1, profiles.modelId()).setParameter(2, profiles.referenceVersion()).executeUpdate();
        Instant now = Instant.now();
        for (ColumnProfile p : profiles.list()) {
            ReferenceProfileEntity e = new ReferenceProfileEntity();
            e.modelId = profiles.modelId();
            e.referenceVersion = profiles.referenceVersion();
            e.columnName = p.column();
            e.role = p.role().wire();
            e.type = p.type();
            e.profile = p.toBytes();
            e.createdAt = now;
            em.persist(e);
        }
        em.createQuery("delete from ReferenceMultivariateEntity where modelId = ?1 and referenceVersion = ?2")
                .setParameter(1, profiles.modelId()).setParameter(2, profiles.referenceVersion()).executeUpdate();
        if (profiles.multivariate() != null) {
            ReferenceMultivariateEntity m = new ReferenceMultivariateEntity();
            m.modelId = profiles.modelId();
            m.referenceVersion = profiles.referenceVersion();
            m.method = ReconstructionModel.METHOD;
            m.model = ReconstructionModelCodec.toBytes(profiles.multivariate());
            m.createdAt = now;
            em.persist(m);
        }
        em.createQuery("delete from ReferenceDomainSampleEntity where modelId = ?1 and referenceVersion = ?2")
                .setParameter(1, profiles.modelId()).setParameter(2, profiles.referenceVersion()).executeUpdate();
        if (profiles.domainSample() != null) {
            ReferenceDomainSampleEntity d = new ReferenceDomainSampleEntity();
            d.modelId = profiles.modelId();
            d.referenceVersion = profiles.referenceVersion();
            d.rows = profiles.domainSample().rows();
            d.sample = profiles.domainSample().toBytes();
            d.createdAt = now;
            em.persist(d);
        }
        saveSegments(profiles, now);
        synchronized (cache) {
            cache.put(key(profiles.modelId(), profiles.referenceVersion()), profiles);
        }
    }

    private void saveSegments(ReferenceProfiles profiles, Instant now) {
        em.createNativeQuery("DELETE FROM reference_segments WHERE model_id = ?1 AND reference_version = ?2")
                .setParameter(1, profiles.modelId()).setParameter(2, profiles.referenceVersion()).executeUpdate();
        for (SegmentProfile s : profiles.segments()) {
            for (ColumnProfile p : s.features().values()) {
                em.createNativeQuery("INSERT INTO reference_segments (model_id, reference_version, segment_column, "
                                + "segment_value, column_name, segment_rows, role, type, profile, created_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                        .setParameter(1, profiles.modelId()).setParameter(2, profiles.referenceVersion())
                        .setParameter(3, s.column()).setParameter(4, s.value()).setParameter(5, p.column())
                        .setParameter(6, s.rows()).setParameter(7, p.role().wire())
                        .setParameter(8, p.type()).setParameter(9, p.toBytes())
                        .setParameter(10, now).executeUpdate();
            }
        }
    }

    /** The segments in the order they were profiled: largest first within each segment column. */
    @SuppressWarnings("unchecked")
    private List<SegmentProfile> loadSegments(String modelId, int referenceVersion) {
        List<Object[]> rows = em.createNativeQuery("SELECT segment_column, segment_value, segment_rows, column_name, "
                        + "role, type, profile FROM reference_segments WHERE model_id = ?1 AND reference_version = ?2 "
                        + "ORDER BY segment_column, segment_rows DESC, segment_value, column_name")
                .setParameter(1, modelId).setParameter(2, referenceVersion).getResultList();
        Map<String, SegmentProfile> segments = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String column = (String) r[0];
            String value = (String) r[1];
            SegmentProfile s = segments.computeIfAbsent(column + "\u0000" + value,
                    k -> new SegmentProfile(column, value, ((Number) r[2]).longValue(), new LinkedHashMap<>()));
            String name = (String) r[3];
            ColumnRole role = ColumnRole.fromWire((String) r[4]);
            byte[] bytes = (byte[]) r[6];
            s.features().put(name, ColumnProfile.fromBytes(name, role, (String) r[5], bytes));
        }
        return List.copyOf(segments.values());
    }

    public Optional<ReferenceProfiles> load(String modelId, int referenceVersion) {
        String key = key(modelId, referenceVersion);
        synchronized (cache) {
            ReferenceProfiles cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        List<ReferenceProfileEntity> rows = em.createQuery(
                        "from ReferenceProfileEntity where modelId = ?1 and referenceVersion = ?2", ReferenceProfileEntity.class)
                .setParameter(1, modelId).setParameter(2, referenceVersion).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ColumnProfile> columns = new LinkedHashMap<>();
        for (ReferenceProfileEntity e : rows) {
            ColumnRole role = ColumnRole.fromWire(e.role);
            columns.put(e.columnName, ColumnProfile.fromBytes(e.columnName, role, e.type, e.profile));
        }
        ReferenceMultivariateEntity stored = em.find(ReferenceMultivariateEntity.class,
                multivariateKey(modelId, referenceVersion));
        ReconstructionModel multivariate = stored == null ? null : ReconstructionModelCodec.fromBytes(stored.model);
        ReferenceDomainSampleEntity sample = em.find(ReferenceDomainSampleEntity.class,
                multivariateKey(modelId, referenceVersion));
        DomainSample domainSample = sample == null ? null : DomainSample.fromBytes(sample.sample);
        ReferenceProfiles profiles = new ReferenceProfiles(modelId, referenceVersion, columns, multivariate, domainSample,
                loadSegments(modelId, referenceVersion));
        synchronized (cache) {
            cache.put(key, profiles);
        }
        return Optional.of(profiles);
    }

    private static ReferenceMultivariateEntity.Key multivariateKey(String modelId, int version) {
        ReferenceMultivariateEntity.Key k = new ReferenceMultivariateEntity.Key();
        k.modelId = modelId;
        k.referenceVersion = version;
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
