package org.icpengine.core.report;

import java.util.Objects;

/**
 * The retention of one segment's customers by month: observed survival and, where an sBG model applies, its fit.
 *
 * @param segment   the segment's label, e.g. {@code industry=SaaS}
 * @param customers customers observed
 * @param churned   of them, churned
 * @param source    where the sBG fit comes from ({@code SEGMENT}, {@code BASE}, {@code CONSTANT_CHURN}, {@code NONE})
 * @param observed  Kaplan–Meier survival S(t), t = 0..horizon (S(0) = 1); stops where fewer than the minimum
 *                  customers are still observed
 * @param fitted    the sBG survival S(t) over the same months; empty without an sBG model
 */
public record RetentionCurve(String segment, long customers, long churned, String source, double[] observed,
                             double[] fitted) {

    /** Validates and copies. */
    public RetentionCurve {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(source, "source");
        observed = observed.clone();
        fitted = fitted.clone();
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionCurve r && segment.equals(r.segment) && customers == r.customers
                && churned == r.churned && source.equals(r.source) && java.util.Arrays.equals(observed, r.observed)
                && java.util.Arrays.equals(fitted, r.fitted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segment, customers, churned, source, java.util.Arrays.hashCode(observed),
                java.util.Arrays.hashCode(fitted));
    }

    @Override
    public String toString() {
        return "RetentionCurve[" + segment + ", " + customers + " customers, " + source + "]";
    }
}
