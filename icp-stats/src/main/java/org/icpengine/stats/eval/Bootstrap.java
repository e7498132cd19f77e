package org.icpengine.stats.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.icpengine.errors.InputException;
import org.icpengine.stats.internal.Validate;

/**
 * A seeded nonparametric bootstrap (Efron &amp; Tibshirani 1993): resample row indices with
 * replacement, evaluate a statistic on each resample, and read a percentile interval off the
 * replicates.
 *
 * <p>Deterministic: the same sample size, replicate count and seed give the same index draws (one
 * {@link SplittableRandom} per call, {@code nextInt(n)} per drawn index, replicate by replicate).
 */
public final class Bootstrap {

    /** A statistic of a resample, given as the drawn row indices (with repeats). */
    @FunctionalInterface
    public interface Statistic {

        /**
         * Evaluates the statistic on the rows {@code indices[0..n)}. The array is reused between calls:
         * read it, do not keep it or modify it.
         */
        double evaluate(int[] indices);
    }

    private Bootstrap() {
    }

    /**
     * The statistic on {@code replicates} resamples of size {@code sampleSize}, in draw order.
     *
     * @throws InputException if sampleSize &lt; 1, replicates &lt; 1, or the statistic returns NaN
     *     (a statistic undefined on some resample must say so itself, for example by stratifying)
     */
    public static double[] replicates(int sampleSize, int replicates, long seed, Statistic statistic) {
        Validate.isTrue(sampleSize >= 1, "sampleSize must be >= 1, got " + sampleSize);
        Validate.isTrue(replicates >= 1, "replicates must be >= 1, got " + replicates);
        Validate.isTrue(statistic != null, "statistic must not be null");
        SplittableRandom rng = new SplittableRandom(seed);
        int[] indices = new int[sampleSize];
        double[] out = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            for (int i = 0; i < sampleSize; i++) {
                indices[i] = rng.nextInt(sampleSize);
            }
            double v = statistic.evaluate(indices);
            if (Double.isNaN(v)) {
                throw new InputException("bootstrap statistic returned NaN on replicate " + b);
            }
            out[b] = v;
        }
        return out;
    }

    /**
     * The percentile interval: the (1−level)/2 and (1+level)/2 sample quantiles (type 7, linear
     * interpolation) of the replicates, around the given full-sample estimate.
     *
     * @throws InputException if there are fewer than two replicates, any is NaN or infinite, or level is
     *     not in (0, 1)
     */
    public static Interval percentileInterval(double estimate, double[] replicates, double level) {
        Checks.level(level);
        Validate.isTrue(replicates != null && replicates.length >= 2, "replicates must hold at least two values");
        for (int i = 0; i < replicates.length; i++) {
            Validate.isTrue(Double.isFinite(replicates[i]), "replicates[" + i + "] must be finite, got " + replicates[i]);
        }
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double alpha = 1 - level;
        return new Interval(estimate, Checks.quantileOfSorted(sorted, alpha / 2),
                Checks.quantileOfSorted(sorted, 1 - alpha / 2), level);
    }

    /**
     * Convenience: the percentile interval of {@code statistic} over {@code replicates} resamples of
     * {@code sampleSize} rows, around the statistic on the full sample (indices 0..n−1).
     */
    public static Interval interval(int sampleSize, Statistic statistic, double level, int replicates, long seed) {
        Checks.level(level);
        Validate.isTrue(replicates >= 2, "replicates must be >= 2, got " + replicates);
        double[] values = replicates(sampleSize, replicates, seed, statistic);
        int[] identity = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            identity[i] = i;
        }
        return percentileInterval(statistic.evaluate(identity), values, level);
    }
}
