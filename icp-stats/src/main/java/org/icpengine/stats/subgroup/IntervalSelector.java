package org.icpengine.stats.subgroup;

import org.icpengine.stats.internal.Validate;

/**
 * The condition {@code lower <= attribute < upper} on a numeric attribute; an infinite bound is open
 * (no condition on that side). Rows whose value is missing (NaN) never match. In JSON an infinite bound
 * is written as the string {@code "-Infinity"} or {@code "Infinity"} (Jackson's default).
 *
 * @param attribute attribute name, not blank
 * @param lower inclusive lower bound, may be {@code -Infinity}
 * @param upper exclusive upper bound, may be {@code +Infinity}; {@code lower < upper}, not both infinite
 */
public record IntervalSelector(String attribute, double lower, double upper) implements Selector {

    public IntervalSelector {
        Validate.isTrue(attribute != null && !attribute.isBlank(), "selector attribute must not be blank");
        Validate.isTrue(lower < upper, "interval on '" + attribute + "' needs lower < upper, got [" + lower + ", " + upper + ")");
        Validate.isTrue(Double.isFinite(lower) || Double.isFinite(upper),
                "interval on '" + attribute + "' must bound at least one side");
    }

    /** Whether a value satisfies the condition; NaN never does, +Infinity does when the upper side is open. */
    public boolean matches(double value) {
        return value >= lower && (value < upper || upper == Double.POSITIVE_INFINITY);
    }

    @Override
    public String describe() {
        if (lower == Double.NEGATIVE_INFINITY) {
            return attribute + " < " + format(upper);
        }
        if (upper == Double.POSITIVE_INFINITY) {
            return attribute + " >= " + format(lower);
        }
        return format(lower) + " <= " + attribute + " < " + format(upper);
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
