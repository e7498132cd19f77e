package org.icpengine.stats.internal;

import org.icpengine.errors.InputException;

/**
 * Argument checks for the statistics library. Each method throws {@link InputException} with a
 * message naming the parameter and what was expected. Internal: do not depend on this outside
 * {@code icp-stats}.
 */
public final class Validate {

    private Validate() {
    }

    /** Fails unless {@code condition} holds. */
    public static void isTrue(boolean condition, String message) {
        if (!condition) {
            throw new InputException(message);
        }
    }

    /** Returns {@code value} if it is finite and strictly positive. */
    public static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InputException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite and not negative. */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InputException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** Returns {@code value} if it lies in [lo, hi]. */
    public static double inRange(double value, double lo, double hi, String name) {
        if (!(value >= lo && value <= hi)) {
            throw new InputException(name + " must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** Fails unless every array has the same length; returns that length. */
    public static int sameLength(String names, double[]... arrays) {
        int n = arrays[0].length;
        for (double[] a : arrays) {
            if (a.length != n) {
                throw new InputException(names + " must have the same length");
            }
        }
        return n;
    }

    /** Fails unless the array is non-empty; returns its length. */
    public static int notEmpty(double[] values, String name) {
        if (values == null || values.length == 0) {
            throw new InputException(name + " must not be empty");
        }
        return values.length;
    }
}
