/**
 * {@code icp discover}: what the ideal customers of a workspace have in common, found from its data. Start
 * with {@link org.icpengine.core.pipeline.discover.Discovery#run}, which returns an immutable
 * {@link org.icpengine.core.pipeline.discover.DiscoveryReport}: winning indicators (information value against
 * the {@code ideal} outcome), ICP rules (subgroup discovery) and personas (k-prototypes clusters of ideal
 * customers with their research-note pain points and culture fit). Parts whose data are missing are skipped
 * with a note naming the data that would enable them.
 */
package org.icpengine.core.pipeline.discover;
