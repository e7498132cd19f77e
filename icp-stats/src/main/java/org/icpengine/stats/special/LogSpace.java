package org.icpengine.stats.special;

/**
 * Arithmetic on numbers held as their natural logarithms, so that sums of very large or very small
 * positive terms neither overflow nor underflow.
 *
 * <p>{@code -Infinity} stands for zero and is handled exactly; a {@code NaN} argument gives
 * {@code NaN}.
 */
public final class LogSpace {

    private static final double LN2 = Math.log(2.0);

    private LogSpace() {
    }

    /** {@code ln(e^a + e^b)}; {@code -Infinity} when both are {@code -Infinity}. */
    public static double logSumExp(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        double hi = Math.max(a, b);
        double lo = Math.min(a, b);
        if (hi == Double.NEGATIVE_INFINITY || hi == Double.POSITIVE_INFINITY) {
            return hi;
        }
        return hi + Math.log1p(Math.exp(lo - hi));
    }

    /**
     * {@code ln(sum_i e^{x_i})} over the whole array; {@code -Infinity} for an empty array (the empty
     * sum is zero).
     */
    public static double logSumExp(double[] x) {
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            hi = Math.max(hi, v);
        }
        if (hi == Double.NEGATIVE_INFINITY || hi == Double.POSITIVE_INFINITY) {
            return hi;
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - hi);
        }
        return hi + Math.log(s);
    }

    /** {@code ln(1 + e^x)}, accurate for large positive and large negative {@code x}. */
    public static double log1pExp(double x) {
        if (x > 36.0) {
            return x + Math.exp(-x);
        }
        return x > -37.0 ? Math.log1p(Math.exp(x)) : Math.exp(x);
    }

    /**
     * {@code ln(1 - e^x)} for {@code x <= 0} (Mächler 2012, "Accurately computing log(1 - exp(-|a|))");
     * {@code -Infinity} at {@code x = 0} and {@code NaN} for {@code x > 0}.
     */
    public static double log1mExp(double x) {
        if (!(x <= 0)) {
            return Double.NaN;
        }
        return x > -LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }

    /**
     * {@code ln(e^a - e^b)} for {@code a >= b}; {@code -Infinity} when {@code a == b} and {@code NaN}
     * when {@code a < b} (the difference would be negative).
     */
    public static double logDiffExp(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || a < b) {
            return Double.NaN;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (a == b) {
            return Double.NEGATIVE_INFINITY;
        }
        return a + log1mExp(b - a);
    }
}
