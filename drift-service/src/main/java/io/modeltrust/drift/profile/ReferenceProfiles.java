package io.modeltrust.drift.profile;

import io.modeltrust.drift.multivariate.DomainSample;
import io.modeltrust.drift.multivariate.MultivariateColumn;
import io.modeltrust.drift.multivariate.ReconstructionModel;
import io.modeltrust.drift.segments.SegmentProfile;
import io.modeltrust.drift.segments.SegmentProfiler;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.DriftSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The profiles of every monitored column of one reference version, by column name, and the
 * reconstruction model of its features for multivariate drift (null with fewer than two features,
 * or for a reference profiled before multivariate drift existed), the sample of its standardised feature
 * rows that the domain classifier compares batches with (kept only when the reference's spec asks for the
 * domain classifier, drift.domainClassifier, and there is a reconstruction model, whose encodings it uses),
 * and the profiles of its segments (empty without segments in the model spec).
 */
public record ReferenceProfiles(String modelId, int referenceVersion, Map<String, ColumnProfile> columns,
                                ReconstructionModel multivariate, DomainSample domainSample,
                                List<SegmentProfile> segments) {

    /** Profiles without a domain-classifier sample or segments. */
    public ReferenceProfiles(String modelId, int referenceVersion, Map<String, ColumnProfile> columns,
                             ReconstructionModel multivariate) {
        this(modelId, referenceVersion, columns, multivariate, null, List.of());
    }

    /** Profiles without segments. */
    public ReferenceProfiles(String modelId, int referenceVersion, Map<String, ColumnProfile> columns,
                             ReconstructionModel multivariate, DomainSample domainSample) {
        this(modelId, referenceVersion, columns, multivariate, domainSample, List.of());
    }

    /** Roles whose columns are profiled: inputs, outputs and the sensitive attributes (data quality). */
    public static final Set<ColumnRole> PROFILED = Set.of(ColumnRole.FEATURE, ColumnRole.PREDICTION, ColumnRole.SCORE,
            ColumnRole.LABEL, ColumnRole.SENSITIVE);

    public static ReferenceProfiles of(AssembledBatch reference) {
        List<ColumnSpec> specs = reference.header().columns();
        List<ColumnProfile> built = specs.parallelStream()
                .filter(spec -> PROFILED.contains(spec.role()))
                .map(spec -> ColumnProfile.of(spec.name(), spec.role(), reference.column(spec.name()).orElseThrow()))
                .toList();
        Map<String, ColumnProfile> byName = new LinkedHashMap<>();
        built.forEach(p -> byName.put(p.column(), p));
        List<MultivariateColumn> features = featureColumns(reference);
        ReconstructionModel model = ReconstructionModel.fit(features);
        DriftSettings drift = reference.header().model().driftOrDefaults();
        // Reference rows are kept only where the spec asks for the check that needs them (docs/metrics.md).
        DomainSample sample = drift.domainClassifierOn() && model != null ? DomainSample.of(model.features(), features) : null;
        return new ReferenceProfiles(reference.modelId(), reference.header().referenceVersion(), byName, model, sample,
                SegmentProfiler.profile(reference, reference.header().model().segmentsOrEmpty(), drift.minSegmentRows(),
                        drift.maxSegments()));
    }

    /** The batch's feature columns in header order, as the reconstruction model reads them. */
    public static List<MultivariateColumn> featureColumns(AssembledBatch batch) {
        List<MultivariateColumn> out = new ArrayList<>();
        for (ColumnSpec spec : batch.header().columns()) {
            if (spec.role() == ColumnRole.FEATURE) {
                out.add(multivariate(spec.name(), batch.column(spec.name()).orElseThrow()));
            }
        }
        return out;
    }

    static MultivariateColumn multivariate(String name, Column column) {
        if (column instanceof NumericColumn n) {
            return new MultivariateColumn.Numeric(name, n.values());
        }
        CategoricalColumn c = (CategoricalColumn) column;
        return new MultivariateColumn.Categorical(name, c.dictionary(), c.codes());
    }

    public List<ColumnProfile> list() {
        return new ArrayList<>(columns.values());
    }
}
