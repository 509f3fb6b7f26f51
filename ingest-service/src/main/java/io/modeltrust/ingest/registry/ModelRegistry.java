package io.modeltrust.ingest.registry;

import io.modeltrust.security.ApiProblem;
import io.modeltrust.model.Json;
import io.modeltrust.model.spec.ModelSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Registers models and hands out reference versions. */
@ApplicationScoped
public class ModelRegistry {

    private final EntityManager em;
    private final DeletedModels deleted;

    public ModelRegistry(EntityManager em, DeletedModels deleted) {
        this.em = em;
        this.deleted = deleted;
    }

    /** The stored model and whether this call created it. */
    public record Saved(RegisteredModel model, boolean created) {
    }

    @Transactional
    public Saved put(String modelId, ModelSpec spec) {
        if (!ModelSpecValidator.MODEL_ID.matcher(modelId).matches()) {
            throw ApiProblem.badRequest("modelId must match " + ModelSpecValidator.MODEL_ID_PATTERN);
        }
        List<String> problems = ModelSpecValidator.problems(spec);
        if (!problems.isEmpty()) {
            throw new ApiProblem(400, "Invalid model spec", String.join("; ", problems),
                    problems.stream().map(p -> new ApiProblem.FieldError(null, null, p)).toList(), problems.size());
        }
        ModelSpec normalised = ModelSpecValidator.normalised(spec);
        Instant now = Instant.now();
        // Insert first: of several first PUTs racing for one new id, one creates it and the others wait on the
        // key, then update (or leave) what it created, instead of failing on the duplicate key with a 500.
        int inserted = em.createNativeQuery("INSERT INTO models (model_id, version, spec_json, created_at, updated_at) "
                        + "VALUES (?1, 1, ?2, ?3, ?3) ON CONFLICT (model_id) DO NOTHING")
                .setParameter(1, modelId).setParameter(2, Json.toString(normalised))
                .setParameter(3, java.sql.Timestamp.from(now)).executeUpdate();
        ModelEntity entity = em.find(ModelEntity.class, modelId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (inserted == 1) {
            deleted.forget(modelId);
            return new Saved(toModel(entity), true);
        }
        normalised = checkedChange(entity, normalised);
        String json = Json.toString(normalised);
        if (!Objects.equals(entity.specJson, json)) {
            entity.version++;
            entity.specJson = json;
            entity.updatedAt = now;
        }
        return new Saved(toModel(entity), false);
    }

    /**
     * The new spec of a registered model, or a 409 when the model has data and the change would alter
     * what that data means. Classes that the first reference fixed stay when the new spec leaves them out.
     */
    private ModelSpec checkedChange(ModelEntity entity, ModelSpec next) {
        ModelSpec stored = Json.fromString(entity.specJson, ModelSpec.class);
        if (next.classesOrEmpty().isEmpty() && !stored.classesOrEmpty().isEmpty() && next.task() == stored.task()) {
            next = ModelSpecValidator.normalised(next.withClasses(stored.classes(), next.positiveClass()));
        }
        long batches = em.createQuery("select count(b) from BatchEntity b where b.modelId = ?1", Long.class)
                .setParameter(1, entity.modelId).getSingleResult();
        List<String> changes = batches == 0 ? List.of() : SpecChanges.breaking(stored, next);
        if (!changes.isEmpty()) {
            throw new ApiProblem(409, "Model has data", "model " + entity.modelId + " has " + batches
                    + " uploaded batch(es), and this change would give them another meaning: "
                    + String.join("; ", changes) + ". Register the changed model under a new model id"
                    + " (adding features is allowed and takes effect at the next reference).",
                    changes.stream().map(c -> new ApiProblem.FieldError(null, null, c)).toList(), changes.size());
        }
        return next;
    }

    /**
     * Fixes the classes of a binary model from its first reference. A racing reference that fixed them
     * first wins; this one must then agree with it.
     */
    @Transactional
    public RegisteredModel fixClasses(String modelId, List<String> classes) {
        ModelEntity entity = em.find(ModelEntity.class, modelId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw DeletedModels.deleted(modelId);
        }
        ModelSpec spec = Json.fromString(entity.specJson, ModelSpec.class);
        if (!spec.classesOrEmpty().isEmpty()) {
            if (!new java.util.HashSet<>(spec.classes()).equals(new java.util.HashSet<>(classes))) {
                throw new ApiProblem(409, "Classes already fixed", "model " + modelId + " has classes "
                        + spec.classes() + ", and this reference has " + classes);
            }
            return toModel(entity);
        }
        // Not a new version: the producer changed nothing, the reference only made explicit what the spec implied.
        entity.specJson = Json.toString(spec.withClasses(classes, spec.positiveClass()));
        entity.updatedAt = Instant.now();
        return toModel(entity);
    }

    public Optional<RegisteredModel> find(String modelId) {
        return Optional.ofNullable(em.find(ModelEntity.class, modelId)).map(ModelRegistry::toModel);
    }

    public RegisteredModel require(String modelId) {
        return find(modelId).orElseThrow(() -> ApiProblem.notFound("no model " + modelId + " is registered"));
    }

    /** The model an upload goes to: 404 when it was never registered, 409 when it was deleted. */
    public RegisteredModel requireForUpload(String modelId) {
        return find(modelId).orElseThrow(() -> deleted.contains(modelId) ? DeletedModels.deleted(modelId)
                : ApiProblem.notFound("no model " + modelId + " is registered"));
    }

    public List<RegisteredModel> list() {
        return em.createQuery("from ModelEntity order by modelId", ModelEntity.class).getResultList()
                .stream().map(ModelRegistry::toModel).toList();
    }

    /** Reserves the next reference version, so that racing uploads never share one. */
    @Transactional
    public int allocateReferenceVersion(String modelId) {
        List<?> next = em.createNativeQuery(
                        "UPDATE models SET reference_allocated = GREATEST(reference_allocated, reference_version) + 1 "
                                + "WHERE model_id = ?1 RETURNING reference_allocated")
                .setParameter(1, modelId).getResultList();
        if (next.isEmpty()) {
            throw DeletedModels.deleted(modelId); // deleted while this reference was being read
        }
        return ((Number) next.get(0)).intValue();
    }

    /** Makes a published reference current for batches that arrive after it. */
    @Transactional
    public void confirmReferenceVersion(String modelId, int version) {
        em.createNativeQuery("UPDATE models SET reference_version = GREATEST(reference_version, ?2) WHERE model_id = ?1")
                .setParameter(1, modelId).setParameter(2, version).executeUpdate();
    }

    private static RegisteredModel toModel(ModelEntity e) {
        return new RegisteredModel(e.modelId, e.version, e.referenceVersion, Json.fromString(e.specJson, ModelSpec.class),
                e.createdAt, e.updatedAt);
    }
}
