package org.icpengine.stats.eval;

import org.icpengine.stats.internal.Validate;

/**
 * A two-sided confidence interval around a point estimate.
 *
 * <p>{@code level} is the nominal coverage, for example 0.95. The estimate is not required to lie
 * inside the bounds (a bootstrap percentile interval need not contain the full-sample estimate), but
 * the bounds are ordered.
 *
 * @param estimate the point estimate, finite
 * @param lower the lower bound, finite
 * @param upper the upper bound, finite and {@code >= lower}
 * @param level the nominal coverage in (0, 1)
 */
public record Interval(double estimate, double lower, double upper, double level) {

    public Interval {
        Validate.isTrue(Double.isFinite(estimate), "interval estimate must be finite, got " + estimate);
        Validate.isTrue(Double.isFinite(lower) && Double.isFinite(upper),
                "interval bounds must be finite, got [" + lower + ", " + upper + "]");
        Validate.isTrue(lower <= upper, "interval lower bound " + lower + " exceeds upper bound " + upper);
        Validate.isTrue(level > 0 && level < 1, "interval level must be in (0, 1), got " + level);
    }

    /** The distance between the bounds. */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code value} lies in the closed interval [lower, upper]. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
