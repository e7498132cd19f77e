package org.icpengine.core.config;

/**
 * Unit economics used by the commercial metrics.
 *
 * @param grossMargin        share of revenue kept as gross margin, 0..1 (default 0.80)
 * @param annualDiscountRate discount rate per year for LTV (default 0.10)
 * @param cacWindowMonths    months of spend attributed to the customers acquired in them (default 3)
 */
public record Economics(double grossMargin, double annualDiscountRate, int cacWindowMonths) {
    public static final Economics DEFAULT = new Economics(0.80, 0.10, 3);
}
