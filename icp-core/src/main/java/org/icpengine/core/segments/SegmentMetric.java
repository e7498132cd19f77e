package org.icpengine.core.segments;

import java.util.Locale;
import java.util.Optional;

/**
 * A metric reported per segment, in the order of DESIGN.md "Segments": its name (the account metric it is
 * built from, where there is one), how it is estimated and which direction is better.
 *
 * <p>Each metric is computed over the accounts of a segment for which it is defined; {@link #over()} says
 * which. Rates are fractions in [0, 1]; money is in the workspace currency; NPS is on its usual −100..100
 * scale.
 */
public enum SegmentMetric {

    /** Share of accounts that reached an opportunity (non-null {@code conversion}). */
    CONVERSION("conversion", Kind.RATE, true, "accounts with a known conversion"),
    /** Pooled win rate Σ won / Σ (won + lost) of closed new-business opportunities. */
    WIN_RATE("win_rate", Kind.RATE, true, "closed new-business opportunities"),
    /** Mean of the accounts' average won amount ({@code aov}). */
    AOV("aov", Kind.MEAN, true, "accounts with a won opportunity"),
    /** Mean of the accounts' median sales cycle in days. */
    SALES_CYCLE_DAYS("sales_cycle_days", Kind.MEAN, false, "accounts with a won opportunity"),
    /** Mean acquisition cost of the segment's customers. */
    CAC("cac", Kind.MEAN, false, "customers with a known CAC"),
    /** Average revenue per account: mean MRR of the active paying customers. */
    ARPA("arpa", Kind.MEAN, true, "active customers with MRR > 0"),
    /**
     * Expected lifetime value of a new customer of the segment: gross margin × ARPA × discounted expected
     * lifetime in months from the sBG retention model (segment's own fit or the whole base's, see
     * {@link Segment#ltvSource()}).
     */
    LTV("ltv", Kind.MODEL, true, "customers (for the retention model)"),
    /** {@link #LTV} divided by mean {@link #CAC}. */
    LTV_CAC("ltv_cac", Kind.MODEL, true, "customers"),
    /** Aggregate net revenue retention Σ MRR now / Σ MRR 12 months ago, over accounts paying 12 months ago. */
    NRR_12M("nrr_12m", Kind.RATIO, true, "accounts with MRR 12 months ago > 0"),
    /** Mean MRR change over 12 months, over the accounts of {@link #NRR_12M}. */
    EXPANSION_MRR_12M("expansion_mrr_12m", Kind.MEAN, true, "accounts with MRR 12 months ago > 0"),
    /** 12-month logo retention: share of customers still active 12 months after becoming one. */
    RETAINED_12M("retained_12m", Kind.RATE, true, "customers with a known retained_12m"),
    /** Segment NPS: % promoters (9–10) − % detractors (0–6), the mean of +100 / 0 / −100 per account. */
    NPS("nps", Kind.MEAN, true, "accounts with an NPS answer"),
    /** Mean tickets per month (support load). */
    TICKETS_PER_MONTH("tickets_per_month", Kind.MEAN, false, "customers"),
    /** Mean support minutes per month (support load). */
    SUPPORT_MINUTES_PER_MONTH("support_minutes_per_month", Kind.MEAN, false, "customers"),
    /** Mean active days per week (usage frequency). */
    ACTIVE_DAYS_PER_WEEK("active_days_per_week", Kind.MEAN, true, "customers"),
    /** Mean relative weekly usage growth (usage depth). */
    USAGE_TREND("usage_trend", Kind.MEAN, true, "customers"),
    /** Mean number of high-value use cases used. */
    HIGH_VALUE_USE_CASES("high_value_use_cases", Kind.MEAN, true, "customers"),
    /** Mean latest culture-fit rating (1–5) from research notes. */
    CULTURE_FIT("culture_fit", Kind.MEAN, true, "accounts with a research-note rating");

    /** How a metric is estimated, which decides its interval and its shrinkage. */
    public enum Kind {
        /**
         * A proportion k/n: 95% Wilson interval, shrunk by a beta-binomial prior fitted across the segments
         * of the query.
         */
        RATE,
        /**
         * A mean of per-account values: 95% t interval, shrunk towards the population mean by normal-normal
         * empirical Bayes across the segments of the query.
         */
        MEAN,
        /**
         * A ratio of sums (NRR): 95% interval of the ratio estimator, shrunk like a mean.
         */
        RATIO,
        /** Derived from a model and other metrics (LTV, LTV/CAC): no interval; shrunk through its inputs. */
        MODEL
    }

    private final String metricName;
    private final Kind kind;
    private final boolean higherIsBetter;
    private final String over;

    SegmentMetric(String metricName, Kind kind, boolean higherIsBetter, String over) {
        this.metricName = metricName;
        this.kind = kind;
        this.higherIsBetter = higherIsBetter;
        this.over = over;
    }

    /** The name used in output, {@code --sort} and {@code icp_index.weights}, such as {@code win_rate}. */
    public String metricName() {
        return metricName;
    }

    /** How it is estimated. */
    public Kind kind() {
        return kind;
    }

    /** Whether a higher value is better (false for CAC, sales cycle and support load). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The accounts of a segment the metric is computed over, in words. */
    public String over() {
        return over;
    }

    /** The metric named {@code name} (case-insensitive), if there is one. */
    public static Optional<SegmentMetric> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (SegmentMetric m : values()) {
            if (m.metricName.equals(n)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
