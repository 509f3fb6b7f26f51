package io.modeltrust.drift;

import io.modeltrust.drift.multivariate.DomainClassifier;
import io.modeltrust.drift.multivariate.DomainSample;
import io.modeltrust.drift.multivariate.MultivariateColumn;
import io.modeltrust.drift.multivariate.ReconstructionModel;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.event.DriftResult;
import java.util.List;
import java.util.Locale;

/**
 * The domain-classifier part of a drift result (docs/metrics.md "Multivariate drift by a domain
 * classifier"), run when the batch's spec asks for it: the batch's sample against the reference's.
 */
final class DomainCheck {

    private DomainCheck() {
    }

    /**
     * Null when the spec does not ask for it, when the reference kept no sample (profiled while the spec did
     * not ask), when the batch lacks a feature of the reference or has it with another type, or when either
     * side has fewer than {@link DomainClassifier#MIN_ROWS} rows.
     */
    static DriftResult.Multivariate of(AssembledBatch batch, ReferenceProfiles reference) {
        ReconstructionModel model = reference.multivariate();
        DomainSample sample = reference.domainSample();
        if (!wanted(batch) || model == null || sample == null || batch.rows() == 0) {
            return null;
        }
        List<MultivariateColumn> columns = DriftComputation.featureColumns(batch, model);
        if (columns == null) {
            return null;
        }
        DomainClassifier.Result r = DomainClassifier.compare(sample, DomainSample.of(model.features(), columns),
                model.featureNames());
        return r == null || !Double.isFinite(r.value()) ? null : new DriftResult.Multivariate(
                DriftResult.DOMAIN_CLASSIFIER, r.value(), r.lower(), r.upper(), r.drifted(), r.contributors());
    }

    static boolean wanted(AssembledBatch batch) {
        return batch.header().model() != null && batch.header().model().driftOrDefaults().domainClassifierOn();
    }

    /** The finding when drifted; a note when the spec asks for the check but the reference kept nothing for it. */
    static String sentence(AssembledBatch batch, ReferenceProfiles reference, DriftResult.Multivariate d) {
        if (d == null) {
            return wanted(batch) && reference.multivariate() != null && reference.domainSample() == null
                    ? " No domain classifier until the next reference: reference v" + reference.referenceVersion()
                    + " was profiled while drift.domainClassifier was off and kept no sample."
                    : "";
        }
        if (!d.drifted()) {
            return "";
        }
        String text = String.format(Locale.ROOT, " Domain classifier: a classifier tells the batch from the reference "
                + "with cross-validated AUC %.3f, above the reference-against-reference band's upper edge %.3f",
                d.value(), d.upper());
        return text + (d.contributors().isEmpty() ? "." : "; it leant most on " + String.join(", ", d.contributors())
                + ".");
    }
}
