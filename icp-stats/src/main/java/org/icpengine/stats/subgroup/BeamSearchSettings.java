package org.icpengine.stats.subgroup;

import org.icpengine.stats.internal.Validate;

/**
 * The settings of a {@link BeamSearch}, kept with every result as provenance.
 *
 * @param alpha the exponent a of the quality {@code (n_sg/N)^a · (p_sg − p_0)}, in [0, 10]: 1 is WRAcc
 *     (favours large subgroups), 0.5 a compromise, 0 the plain difference in rates
 * @param maxDepth the maximum number of selectors in a conjunction, at least 1
 * @param beamWidth subgroups kept for refinement at each level, at least 1
 * @param resultSize subgroups reported, at least 1
 * @param minSupport the minimum subgroup size in rows, at least 1
 * @param redundancyFilter whether to report a refinement only if its quality is strictly higher than
 *     that of each of its immediate generalisations (the conjunction with one selector removed; the
 *     empty conjunction has quality 0)
 */
public record BeamSearchSettings(double alpha, int maxDepth, int beamWidth, int resultSize, int minSupport,
        boolean redundancyFilter) {

    public BeamSearchSettings {
        Validate.inRange(alpha, 0, 10, "alpha");
        Validate.isTrue(maxDepth >= 1, "maxDepth must be >= 1, got " + maxDepth);
        Validate.isTrue(beamWidth >= 1, "beamWidth must be >= 1, got " + beamWidth);
        Validate.isTrue(resultSize >= 1, "resultSize must be >= 1, got " + resultSize);
        Validate.isTrue(minSupport >= 1, "minSupport must be >= 1, got " + minSupport);
    }
}
