package io.modeltrust.drift.multivariate;

import java.util.List;

/**
 * One batch against its reference's reconstruction model.
 *
 * @param value        the batch's mean reconstruction error
 * @param lower        the band's lower edge, mean − 3·std of the reference chunks' mean errors
 * @param upper        the band's upper edge, mean + 3·std
 * @param drifted      value outside [lower, upper]
 * @param contributors up to {@link ReconstructionModel#CONTRIBUTORS} features whose mean squared error grew
 *                     most over the reference's, largest first; only features whose error grew
 * @param increase     per feature (model order), mean squared error minus the reference's
 */
public record MultivariateDrift(double value, double lower, double upper, boolean drifted, List<String> contributors,
                                double[] increase) {
}
