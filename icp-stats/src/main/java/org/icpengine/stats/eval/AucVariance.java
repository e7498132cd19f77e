package org.icpengine.stats.eval;

import org.icpengine.stats.internal.Validate;

/**
 * An AUC with its DeLong variance, as returned by {@link Auc#deLong}.
 *
 * @param auc the rank-based AUC in [0, 1]
 * @param variance the DeLong variance estimate, {@code >= 0}
 * @param positives number of positive labels
 * @param negatives number of negative labels
 */
public record AucVariance(double auc, double variance, int positives, int negatives) {

    public AucVariance {
        Validate.inRange(auc, 0, 1, "auc");
        Validate.nonNegative(variance, "variance");
        Validate.isTrue(positives > 0 && negatives > 0,
                "positives and negatives must be > 0, got " + positives + " and " + negatives);
    }

    /** The standard error {@code sqrt(variance)}. */
    public double standardError() {
        return Math.sqrt(variance);
    }

    /**
     * The normal-approximation interval {@code auc ± z·SE} at the given level, clipped to [0, 1];
     * degenerate (both bounds equal to the AUC) when the variance is zero.
     */
    public Interval interval(double level) {
        double z = Checks.twoSidedZ(Checks.level(level));
        double half = z * standardError();
        return new Interval(auc, Math.max(0, auc - half), Math.min(1, auc + half), level);
    }
}
