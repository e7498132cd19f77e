package org.icpengine.core.segments;

/**
 * Which retention model a segment's {@link SegmentMetric#LTV} comes from. A segment with at least
 * {@code ltv.min_customers} customers uses its own data ({@link #SEGMENT}, else {@link #SEGMENT_CONSTANT_CHURN});
 * a smaller one, or one where nobody churned, uses the whole customer base's ({@link #BASE}, else
 * {@link #BASE_CONSTANT_CHURN}).
 */
public enum LtvSource {
    /** An sBG model fitted on the segment's own customers. */
    SEGMENT,
    /**
     * The segment's own constant monthly churn rate (churned customers / customer-months): its customers are
     * enough, but the sBG model is not identifiable, typically because retention does not rise with tenure, where
     * the sBG likelihood is maximal in the constant-churn limit.
     */
    SEGMENT_CONSTANT_CHURN,
    /**
     * The sBG model of the whole customer base on that date: the segment has fewer customers than
     * {@code ltv.min_customers}, or none of its customers churned.
     */
    BASE,
    /** The whole base's constant monthly churn rate: even the whole base cannot identify the sBG model. */
    BASE_CONSTANT_CHURN,
    /** No LTV: no active paying customer in the segment, or no churn anywhere to estimate a lifetime from. */
    NONE
}
