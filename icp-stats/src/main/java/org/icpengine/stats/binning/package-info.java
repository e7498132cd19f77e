/**
 * Binning of one variable against a 0/1 label, with weight of evidence (WoE) and information value
 * (IV) per bin. Start with {@link org.icpengine.stats.binning.NumericBinner} or
 * {@link org.icpengine.stats.binning.CategoricalBinner}; both return an immutable
 * {@link org.icpengine.stats.binning.Binning} that maps new values to a bin and its WoE.
 */
package org.icpengine.stats.binning;
