/**
 * Fairness metrics engine (docs/metrics.md "Fairness"), plain Java over columnar arrays.
 *
 * <p>Entry points: {@link io.modeltrust.fairness.metrics.FairnessEngine#compute} for a batch (all
 * attributes and configured pairs), {@link io.modeltrust.fairness.metrics.FairnessCalculator#compute}
 * for one attribute, {@link io.modeltrust.fairness.metrics.NumericBuckets#bucketize} and
 * {@link io.modeltrust.fairness.metrics.Intersections#cross} to build attributes,
 * {@link io.modeltrust.fairness.metrics.FairnessDrift#compare} against the baseline and
 * {@link io.modeltrust.fairness.metrics.FairnessExplainer} for the sentences.
 *
 * <p>Choices where the spec leaves room (mirrored by src/test/python/fairness_reference.py):
 * <ul>
 *   <li>Rows with an unknown label (-1) count in {@code count} and {@code selectionRate} but not in
 *       tpr / fpr / precision / accuracy, which are null when their denominator is 0. Fairlearn would
 *       report 0 there (sklearn's normalised confusion matrix); null keeps "no data" apart from "never".</li>
 *   <li>Between-group spreads skip null rates like pandas' max/min skip NaN, and are null with fewer
 *       than two values; demographicParityRatio is null when the highest rate is 0 (Fairlearn: NaN);
 *       equalizedOddsDifference is null unless both the tpr and fpr spreads exist.</li>
 *   <li>"(missing)" is a group like the others (eligible, compared, possibly the worst group) but is
 *       chosen as the automatic reference only when it is the only group.</li>
 *   <li>Fisher's exact test treats tables within 1e-7 relative probability of the observed one as
 *       ties (scipy: 1e-14 on Boost's pmf); p-values agree with scipy to about 1e-11 relative.</li>
 *   <li>Wilson bounds are not clipped to [0, 1], as statsmodels.</li>
 *   <li>Multiclass models come binarised on the favourable class (decision and label state), with a
 *       per-row correctness array so that accuracy is the multiclass accuracy_score rather than the
 *       binarised one ({@link io.modeltrust.fairness.metrics.GroupCounts}).</li>
 * </ul>
 */
package io.modeltrust.fairness.metrics;
