package org.icpengine.stats.eval;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.icpengine.errors.InputException;
import org.icpengine.stats.internal.Validate;

/** Argument checks and small helpers shared by the evaluation statistics. */
final class Checks {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private Checks() {
    }

    /** Fails unless both arrays are present, non-empty and of one length; returns the length. */
    static int scoresAndLabels(double[] scores, boolean[] labels, String scoresName) {
        Validate.isTrue(scores != null, scoresName + " must not be null");
        Validate.isTrue(labels != null, "labels must not be null");
        Validate.isTrue(scores.length == labels.length, scoresName + " and labels must have the same length ("
                + scoresName + ": " + scores.length + ", labels: " + labels.length + ")");
        Validate.isTrue(scores.length > 0, scoresName + " must not be empty");
        return scores.length;
    }

    /** Fails if any value is NaN, naming the first offending index. */
    static void noNaN(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new InputException(name + "[" + i + "] is NaN");
            }
        }
    }

    /** Fails unless every value is a probability in [0, 1] (NaN fails), naming the first offender. */
    static void probabilities(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            double p = values[i];
            if (!(p >= 0 && p <= 1)) {
                throw new InputException(
                        name + "[" + i + "] must be a probability in [0, 1], got " + p);
            }
        }
    }

    /** Fails unless {@code level} is in the open interval (0, 1). */
    static double level(double level) {
        Validate.isTrue(level > 0 && level < 1, "level must be in (0, 1), got " + level);
        return level;
    }

    /** The standard normal quantile z with P(|Z| <= z) = level. */
    static double twoSidedZ(double level) {
        return STANDARD_NORMAL.inverseCumulativeProbability(0.5 + level / 2);
    }

    /**
     * The sample quantile of a sorted array by linear interpolation between order statistics
     * (Hyndman &amp; Fan 1996, type 7, the default of R and NumPy).
     */
    static double quantileOfSorted(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Cut points that split a sorted sample into {@code bins} groups of near-equal size: the value at
     * sorted index {@code floor(i * n / bins)} for i = 1..bins-1, so that about i·n/bins values lie
     * below cut i. Duplicates (from ties) and cuts equal to the minimum are dropped, so fewer bins may
     * result; bins are {@code [cut_i, cut_i+1)}.
     */
    static double[] quantileCuts(double[] sorted, int bins) {
        int n = sorted.length;
        double[] cuts = new double[Math.max(bins - 1, 0)];
        int count = 0;
        double previous = sorted[0];
        for (int i = 1; i < bins; i++) {
            int r = (int) ((long) i * n / bins);
            double c = sorted[Math.min(r, n - 1)];
            if (c > previous) {
                cuts[count++] = c;
                previous = c;
            }
        }
        return Arrays.copyOf(cuts, count);
    }
}
