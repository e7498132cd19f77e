package org.icpengine.core.segments;

/**
 * One metric of one segment: the estimate, its 95% interval, the shrunk value the ICP index uses and the
 * number of observations behind it. A value that cannot be computed is {@code NaN}: no observations, an
 * interval from fewer than two values, or no interval for the metric's kind ({@link SegmentMetric.Kind#MODEL}).
 *
 * @param value  the raw estimate over the segment's accounts ({@code NaN} when {@code n == 0})
 * @param lower  lower bound of the 95% interval, or {@code NaN}
 * @param upper  upper bound of the 95% interval, or {@code NaN}
 * @param shrunk the empirical-Bayes shrunk estimate; the raw estimate where shrinkage does not apply
 *               (see {@link SegmentTable#notes()}); for a segment without observations the prior mean (what it
 *               is expected to be without data), or {@code NaN} when shrinkage does not apply either
 * @param n      observations: trials for a rate, values for a mean, accounts for NRR, customers for LTV
 */
public record Estimate(double value, double lower, double upper, double shrunk, long n) {

    /** No observations. */
    public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    public Estimate {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " exceeds upper bound " + upper);
        }
    }

    /** Whether there is a value. */
    public boolean present() {
        return !Double.isNaN(value);
    }

    /** Whether there is an interval. */
    public boolean hasInterval() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /** This estimate with another shrunk value. */
    Estimate withShrunk(double newShrunk) {
        return new Estimate(value, lower, upper, newShrunk, n);
    }
}
