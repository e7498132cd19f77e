/**
 * Subgroup discovery: beam search for conjunctions of attribute conditions whose target rate (or mean)
 * departs most from the population's, scored by the standard quality function
 * {@code (n_sg/N)^a · (p_sg − p_0)}.
 *
 * <p>Start with {@link org.icpengine.stats.subgroup.SubgroupData#builder()} to describe the
 * attributes, then {@link org.icpengine.stats.subgroup.BeamSearch#builder()} to configure and run the
 * search; results are immutable {@link org.icpengine.stats.subgroup.SubgroupResult} records that round
 * trip through JSON.
 */
package org.icpengine.stats.subgroup;
