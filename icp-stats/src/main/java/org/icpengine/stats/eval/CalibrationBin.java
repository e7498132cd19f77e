package org.icpengine.stats.eval;

import org.icpengine.stats.internal.Validate;

/**
 * One bin of a calibration (reliability) table: predictions in {@code [lower, upper)} (the last bin
 * also includes its upper edge) with their mean and the observed positive rate.
 *
 * @param lower lower edge of the bin
 * @param upper upper edge of the bin
 * @param count predictions in the bin, at least 1 (empty bins are not reported)
 * @param positives positive labels among them
 * @param meanPredicted mean predicted probability in the bin
 * @param observedRate positives / count
 */
public record CalibrationBin(double lower, double upper, int count, int positives, double meanPredicted,
        double observedRate) {

    public CalibrationBin {
        Validate.isTrue(lower <= upper, "lower edge " + lower + " exceeds upper edge " + upper);
        Validate.isTrue(count >= 1, "count must be >= 1, got " + count);
        Validate.isTrue(positives >= 0 && positives <= count, "positives must be in [0, count], got " + positives);
        Validate.inRange(meanPredicted, 0, 1, "meanPredicted");
        Validate.inRange(observedRate, 0, 1, "observedRate");
    }
}
