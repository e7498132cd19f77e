package org.icpengine.stats.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * The area under the ROC curve of a score against binary labels, with its variance and intervals.
 *
 * <p>AUC is the Mann-Whitney probability that a random positive scores higher than a random
 * negative, ties counting one half: {@code AUC = (#(pos > neg) + ½·#(pos = neg)) / (m·n)} for m
 * positives and n negatives (Hanley &amp; McNeil 1982). It is computed from the two classes sorted
 * separately with the primitive {@link Arrays#sort(double[])} and one merge pass: O(N log N) time,
 * O(N) extra memory, no boxing. The count is exact (a {@code long}) before the final division.
 *
 * <p>Edges, the same for every method: null, empty or mismatched arrays and NaN scores throw
 * {@link org.icpengine.errors.InputException}; labels of a single class throw
 * {@link InsufficientDataException}. Infinite scores are ordinary (extreme) values; {@code -0.0}
 * ties with {@code 0.0}. All methods are thread-safe and do not modify their arguments.
 */
public final class Auc {

    private Auc() {
    }

    /**
     * The rank-based AUC in [0, 1]; 0.5 when every score is equal.
     *
     * @param scores higher means more likely positive; not NaN
     * @param labels {@code true} for the positive class; both classes present
     */
    public static double of(double[] scores, boolean[] labels) {
        TwoClassSample s = TwoClassSample.of(scores, labels, "AUC", true);
        return s.twiceMannWhitney() / (2.0 * s.positives.length * s.negatives.length);
    }

    /** The Gini coefficient (accuracy ratio, Somers' D of score on label): {@code 2·AUC − 1}, in [−1, 1]. */
    public static double gini(double[] scores, boolean[] labels) {
        return 2 * of(scores, labels) - 1;
    }

    /**
     * The AUC with its DeLong variance (DeLong, DeLong &amp; Clarke-Pearson 1988, Biometrics 44:837),
     * computed by the O(N log N) algorithm of Sun &amp; Xu (2014, IEEE Signal Processing Letters 21:1389).
     *
     * <p>With placement values {@code V10(x_i) = (#neg < x_i + ½·#neg = x_i) / n} for each positive and
     * {@code V01(y_j) = (#pos > y_j + ½·#pos = y_j) / m} for each negative — Sun &amp; Xu obtain them as
     * differences of mid-ranks, here they come from a merge of the two sorted classes, which is the same
     * quantity — the variance is {@code S10/m + S01/n}, where S10 and S01 are the sample variances
     * (denominators m−1 and n−1) of the placement values.
     *
     * @throws InsufficientDataException if either class has fewer than two members (no sample variance)
     */
    public static AucVariance deLong(double[] scores, boolean[] labels) {
        TwoClassSample s = TwoClassSample.of(scores, labels, "DeLong AUC variance", true);
        int m = s.positives.length;
        int n = s.negatives.length;
        if (m < 2 || n < 2) {
            throw new InsufficientDataException("DeLong AUC variance needs at least two positives and two negatives; got "
                    + m + " positives and " + n + " negatives");
        }
        int[] below = new int[m];
        int[] atOrBelow = new int[m];
        s.negativePlacements(below, atOrBelow);
        // V10 of each positive and, by counting the positives each negative lies under, V01 of each negative
        double[] v10 = new double[m];
        long twice = 0;
        for (int i = 0; i < m; i++) {
            long t = below[i] + (long) atOrBelow[i];
            twice += t;
            v10[i] = t / (2.0 * n);
        }
        double auc = twice / (2.0 * m * n);
        double[] v01 = negativePlacements(s);
        double s10 = sampleVariance(v10, auc);
        double s01 = sampleVariance(v01, auc);
        return new AucVariance(auc, s10 / m + s01 / n, m, n);
    }

    /** The DeLong interval {@code AUC ± z·SE}, clipped to [0, 1]; see {@link #deLong}. */
    public static Interval deLongInterval(double[] scores, boolean[] labels, double level) {
        Checks.level(level);
        return deLong(scores, labels).interval(level);
    }

    /**
     * A stratified percentile-bootstrap interval for the AUC: each replicate draws m positives and n
     * negatives with replacement from their own class (so every replicate has both classes and a
     * defined AUC; Efron &amp; Tibshirani 1993, ch. 13; the default of pROC), and the interval is the
     * (1−level)/2 and (1+level)/2 type-7 quantiles of the replicate AUCs.
     *
     * <p>Deterministic for a given seed (one {@link SplittableRandom}). Each replicate is O(N): the
     * classes are sorted once and a resample is represented by multiplicities over the sorted values.
     *
     * @param replicates number of bootstrap replicates, at least 2 (1000–2000 is usual)
     * @param seed seed of the resampling
     */
    public static Interval bootstrapInterval(double[] scores, boolean[] labels, double level, int replicates, long seed) {
        Checks.level(level);
        Validate.isTrue(replicates >= 2, "replicates must be at least 2, got " + replicates);
        TwoClassSample s = TwoClassSample.of(scores, labels, "bootstrap AUC interval", true);
        int m = s.positives.length;
        int n = s.negatives.length;
        int[] below = new int[m];
        int[] atOrBelow = new int[m];
        s.negativePlacements(below, atOrBelow);
        long twice = 0;
        for (int i = 0; i < m; i++) {
            twice += below[i] + (long) atOrBelow[i];
        }
        double auc = twice / (2.0 * m * n);

        SplittableRandom rng = new SplittableRandom(seed);
        int[] posCount = new int[m];
        long[] negPrefix = new long[n + 1];
        int[] negCount = new int[n];
        double[] values = new double[replicates];
        double denominator = 2.0 * m * n;
        for (int b = 0; b < replicates; b++) {
            Arrays.fill(posCount, 0);
            Arrays.fill(negCount, 0);
            for (int i = 0; i < m; i++) {
                posCount[rng.nextInt(m)]++;
            }
            for (int j = 0; j < n; j++) {
                negCount[rng.nextInt(n)]++;
            }
            for (int j = 0; j < n; j++) {
                negPrefix[j + 1] = negPrefix[j] + negCount[j];
            }
            long sum = 0;
            for (int i = 0; i < m; i++) {
                int c = posCount[i];
                if (c != 0) {
                    sum += c * (negPrefix[below[i]] + negPrefix[atOrBelow[i]]);
                }
            }
            values[b] = sum / denominator;
        }
        Arrays.sort(values);
        double alpha = 1 - level;
        return new Interval(auc, Checks.quantileOfSorted(values, alpha / 2), Checks.quantileOfSorted(values, 1 - alpha / 2), level);
    }

    /** V01 of each negative: (#pos &gt; y + ½·#pos = y) / m, by a merge of the sorted classes. */
    private static double[] negativePlacements(TwoClassSample s) {
        double[] pos = s.positives;
        double[] neg = s.negatives;
        int m = pos.length;
        double[] v01 = new double[neg.length];
        int lo = 0; // first positive >= y
        int hi = 0; // first positive > y
        for (int j = 0; j < neg.length; j++) {
            double y = neg[j];
            while (lo < m && pos[lo] < y) {
                lo++;
            }
            if (hi < lo) {
                hi = lo;
            }
            while (hi < m && pos[hi] <= y) {
                hi++;
            }
            // above = m - hi, equal = hi - lo
            v01[j] = (2.0 * (m - hi) + (hi - lo)) / (2.0 * m);
        }
        return v01;
    }

    private static double sampleVariance(double[] v, double mean) {
        double ss = 0;
        for (double x : v) {
            double d = x - mean;
            ss += d * d;
        }
        return ss / (v.length - 1);
    }
}
