package org.icpengine.stats.eval;

/**
 * The Kolmogorov-Smirnov separation statistic of a score between positives and negatives.
 *
 * <p>{@code KS = max_t |F_neg(t) − F_pos(t)|}, the largest gap between the empirical distribution
 * functions of the two classes' scores (the two-sample KS statistic; in credit scoring the maximum
 * distance between the cumulative bad and good rates). Thresholds are evaluated only between
 * distinct score values, so a run of tied scores moves both curves at once and ties can never inflate
 * the statistic. O(N log N).
 *
 * <p>Edges: null, empty, mismatched or NaN input throws {@link org.icpengine.errors.InputException};
 * a single class throws {@link org.icpengine.errors.InsufficientDataException}. The result is in
 * [0, 1]; 0 when all scores are equal.
 */
public final class Ks {

    private Ks() {
    }

    /** The two-sample KS statistic in [0, 1]. */
    public static double statistic(double[] scores, boolean[] labels) {
        TwoClassSample s = TwoClassSample.of(scores, labels, "KS statistic", true);
        double[] pos = s.positives;
        double[] neg = s.negatives;
        int m = pos.length;
        int n = neg.length;
        int i = 0;
        int j = 0;
        double best = 0;
        while (i < m || j < n) {
            double v = i < m && (j >= n || pos[i] <= neg[j]) ? pos[i] : neg[j];
            while (i < m && pos[i] == v) {
                i++;
            }
            while (j < n && neg[j] == v) {
                j++;
            }
            double gap = Math.abs((double) j / n - (double) i / m);
            if (gap > best) {
                best = gap;
            }
        }
        return best;
    }
}
