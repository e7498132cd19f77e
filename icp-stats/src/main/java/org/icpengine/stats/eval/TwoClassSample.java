package org.icpengine.stats.eval;

import java.util.Arrays;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;

/**
 * The scores of a labelled sample split by class and sorted ascending, the common first step of the
 * rank statistics (AUC, DeLong, KS, gains). {@code -0.0} is stored as {@code 0.0} so that ties are
 * exactly the pairs that compare equal.
 */
final class TwoClassSample {

    final double[] positives;
    final double[] negatives;

    private TwoClassSample(double[] positives, double[] negatives) {
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * Splits and sorts; fails with {@code InputException} on null, empty, mismatched or NaN input and
     * with {@code InsufficientDataException} when {@code requireBoth} and a class is absent.
     */
    static TwoClassSample of(double[] scores, boolean[] labels, String statistic, boolean requireBoth) {
        int n = Checks.scoresAndLabels(scores, labels, "scores");
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new InputException("scores[" + i + "] is NaN");
            }
            if (labels[i]) {
                m++;
            }
        }
        if (requireBoth && (m == 0 || m == n)) {
            throw new InsufficientDataException(statistic + " needs at least one positive and one negative label; got "
                    + m + " positives and " + (n - m) + " negatives");
        }
        double[] pos = new double[m];
        double[] neg = new double[n - m];
        int p = 0;
        int q = 0;
        for (int i = 0; i < n; i++) {
            double s = scores[i] + 0.0; // turns -0.0 into 0.0
            if (labels[i]) {
                pos[p++] = s;
            } else {
                neg[q++] = s;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        return new TwoClassSample(pos, neg);
    }

    int total() {
        return positives.length + negatives.length;
    }

    /**
     * For each positive (in sorted order) the number of negatives strictly below it, and the number
     * of negatives at or below it: {@code below[i]} and {@code atOrBelow[i]}, into the given arrays.
     */
    void negativePlacements(int[] below, int[] atOrBelow) {
        double[] neg = negatives;
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < positives.length; i++) {
            double x = positives[i];
            while (lo < neg.length && neg[lo] < x) {
                lo++;
            }
            if (hi < lo) {
                hi = lo;
            }
            while (hi < neg.length && neg[hi] <= x) {
                hi++;
            }
            below[i] = lo;
            atOrBelow[i] = hi;
        }
    }

    /** Twice the Mann-Whitney count: 2·#(pos &gt; neg) + #(pos = neg), exact in a long. */
    long twiceMannWhitney() {
        double[] pos = positives;
        double[] neg = negatives;
        long sum = 0;
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < pos.length; i++) {
            double x = pos[i];
            while (lo < neg.length && neg[lo] < x) {
                lo++;
            }
            if (hi < lo) {
                hi = lo;
            }
            while (hi < neg.length && neg[hi] <= x) {
                hi++;
            }
            sum += lo + (long) hi;
        }
        return sum;
    }
}
