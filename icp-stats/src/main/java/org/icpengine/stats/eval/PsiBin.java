package org.icpengine.stats.eval;

import org.icpengine.stats.internal.Validate;

/**
 * One bin of a population stability table: the bin {@code [lower, upper)} (infinite outer edges),
 * both samples' counts and shares, and the bin's term of the PSI sum.
 *
 * @param lower lower edge, {@code -Infinity} for the first bin
 * @param upper upper edge, {@code +Infinity} for the last bin
 * @param expectedCount reference-sample values in the bin
 * @param actualCount comparison-sample values in the bin
 * @param expectedShare expectedCount / reference size (unadjusted)
 * @param actualShare actualCount / comparison size (unadjusted)
 * @param contribution {@code (a − e)·ln(a / e)} with empty shares replaced by {@link Psi#EMPTY_BIN_SHARE}
 */
public record PsiBin(double lower, double upper, long expectedCount, long actualCount, double expectedShare,
        double actualShare, double contribution) {

    public PsiBin {
        Validate.isTrue(lower < upper, "lower edge " + lower + " must be below upper edge " + upper);
        Validate.isTrue(expectedCount >= 0 && actualCount >= 0, "counts must be >= 0");
        Validate.inRange(expectedShare, 0, 1, "expectedShare");
        Validate.inRange(actualShare, 0, 1, "actualShare");
        Validate.nonNegative(contribution, "contribution");
    }
}
