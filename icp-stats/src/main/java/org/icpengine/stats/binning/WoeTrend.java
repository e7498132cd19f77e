package org.icpengine.stats.binning;

/**
 * The monotonic trend of weight of evidence across numeric bins, from the lowest values to the highest.
 * Since WoE = ln(%non-event / %event), an ascending WoE means the event rate falls as the value grows.
 */
public enum WoeTrend {
    /** Fit both trends and keep the one with the larger information value (ascending on a tie). */
    AUTO,
    /** WoE rises (event rate falls) with the value. */
    ASCENDING,
    /** WoE falls (event rate rises) with the value. */
    DESCENDING
}
