/**
 * Points-based scorecards: binning, weight of evidence, logistic regression, integer points per bin,
 * and tiers by population share. Start with {@link org.icpengine.stats.scorecard.ScorecardTrainer},
 * which returns an immutable {@link org.icpengine.stats.scorecard.Scorecard}; score accounts with its
 * {@link org.icpengine.stats.scorecard.Scorecard#scorer() scorer}.
 */
package org.icpengine.stats.scorecard;
