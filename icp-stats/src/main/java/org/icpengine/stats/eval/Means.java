package org.icpengine.stats.eval;

import org.hipparchus.distribution.continuous.TDistribution;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * Confidence intervals for a mean.
 *
 * <p>Always Student-t based: {@code mean ± t(1−(1−level)/2; n−1) · s/√n} with s the sample standard
 * deviation (denominator n − 1). For large n the t quantile approaches the normal one, so there is no
 * switch-over point; for small n the t interval is the exact interval under normality and the honest
 * one otherwise. Like any t interval it assumes roughly symmetric data or enough rows for the central
 * limit theorem; for heavy-tailed metrics prefer {@link Bootstrap}.
 */
public final class Means {

    private Means() {
    }

    /**
     * The t interval of the mean of {@code values}; degenerate (both bounds equal to the mean) when all
     * values are equal.
     *
     * @throws org.icpengine.errors.InputException if values is null, contains NaN or infinity, or level
     *     is not in (0, 1)
     * @throws InsufficientDataException if fewer than two values (no standard deviation)
     */
    public static Interval interval(double[] values, double level) {
        Checks.level(level);
        Validate.isTrue(values != null, "values must not be null");
        for (int i = 0; i < values.length; i++) {
            Validate.isTrue(Double.isFinite(values[i]), "values[" + i + "] must be finite, got " + values[i]);
        }
        if (values.length < 2) {
            throw new InsufficientDataException("an interval for a mean needs at least two values; got " + values.length);
        }
        // two-pass mean and variance (numerically stable for offset data)
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double ss = 0;
        double correction = 0;
        for (double v : values) {
            double d = v - mean;
            ss += d * d;
            correction += d;
        }
        double variance = (ss - correction * correction / values.length) / (values.length - 1);
        return interval(values.length, mean, Math.sqrt(Math.max(variance, 0)), level);
    }

    /**
     * The t interval from summary statistics, for means aggregated elsewhere (for example in SQL).
     *
     * @param count number of observations, at least 2
     * @param mean their mean, finite
     * @param standardDeviation their sample standard deviation (denominator n − 1), finite, {@code >= 0}
     * @throws InsufficientDataException if count &lt; 2
     */
    public static Interval interval(long count, double mean, double standardDeviation, double level) {
        Checks.level(level);
        Validate.isTrue(Double.isFinite(mean), "mean must be finite, got " + mean);
        Validate.nonNegative(standardDeviation, "standardDeviation");
        Validate.isTrue(count >= 0, "count must be >= 0, got " + count);
        if (count < 2) {
            throw new InsufficientDataException("an interval for a mean needs at least two values; got " + count);
        }
        double t = new TDistribution(count - 1.0).inverseCumulativeProbability(0.5 + level / 2);
        double half = t * standardDeviation / Math.sqrt(count);
        return new Interval(mean, mean - half, mean + half, level);
    }
}
