/**
 * Segments of DESIGN.md "Segments": accounts of {@code account_metrics} grouped by any firmographic
 * dimensions, with the full metric set per segment (Wilson intervals and beta-binomial shrinkage for rates,
 * t intervals and empirical-Bayes shrinkage for means, segment-level sBG LTV) and the ICP index that ranks
 * them. Start at {@link org.icpengine.core.segments.Segments#compute}, which takes a
 * {@link org.icpengine.core.segments.SegmentQuery} and returns a {@link org.icpengine.core.segments.SegmentTable}.
 */
package org.icpengine.core.segments;
