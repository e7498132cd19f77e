package org.icpengine.core.pipeline.discover;

import org.icpengine.errors.InputException;

/**
 * The settings of a discovery run, kept in every {@link DiscoveryReport} as provenance.
 *
 * <p>Defaults and why ({@link #DEFAULTS}):
 * <ul>
 *   <li>{@code alpha = 0.5}: StandardQF(0.5) = sqrt(n/N) · (p − p0) (Klösgen 1996) weighs size less than
 *       WRAcc (a = 1), which prefers broad, mild subgroups such as one industry, and more than a = 0, which
 *       prefers tiny pure ones; it suits the compact segment an ICP is.</li>
 *   <li>{@code maxDepth = 3}: a rule a sales team can say in one breath (industry, size, technology);
 *       deeper conjunctions overfit samples of a few hundred customers.</li>
 *   <li>{@code beamWidth = 50}: the search space is a few dozen selectors; width 10 already reproduces the
 *       exhaustive result on reference data (see {@code BeamSearch}), 50 leaves a margin at little cost.</li>
 *   <li>{@code minSupportShare = 0.02} with at least {@code 10} customers: a rule must cover enough
 *       customers for its interval to mean something.</li>
 *   <li>{@code kMin = 2, kMax = 5}, {@code seed = 42}: personas a team can tell apart; k by silhouette.</li>
 * </ul>
 *
 * @param alpha           exponent a of StandardQF(a), in [0, 10]
 * @param maxDepth        most conditions per rule, at least 1
 * @param beamWidth       beam width of the search, at least 1
 * @param rules           rules reported, at least 1
 * @param minSupportShare smallest rule as a share of the labelled customers, in [0, 1]
 * @param minSupport      smallest rule in customers, at least 1 (the larger of the two applies)
 * @param kMin            fewest personas tried, at least 2
 * @param kMax            most personas tried, at least {@code kMin}
 * @param minPersonaRows  fewest ideal customers to cluster, at least {@code 2 · kMin}
 * @param seed            seed of the clustering and its silhouette sample
 */
public record DiscoverySettings(double alpha, int maxDepth, int beamWidth, int rules, double minSupportShare,
                                int minSupport, int kMin, int kMax, int minPersonaRows, long seed) {

    /** The defaults described above. */
    public static final DiscoverySettings DEFAULTS = new DiscoverySettings(0.5, 3, 50, 10, 0.02, 10, 2, 5, 20, 42L);

    /** Validates the ranges. */
    public DiscoverySettings {
        check(alpha >= 0 && alpha <= 10, "alpha must be in [0, 10], got " + alpha);
        check(maxDepth >= 1, "maxDepth must be >= 1, got " + maxDepth);
        check(beamWidth >= 1, "beamWidth must be >= 1, got " + beamWidth);
        check(rules >= 1, "rules must be >= 1, got " + rules);
        check(minSupportShare >= 0 && minSupportShare <= 1, "minSupportShare must be in [0, 1], got " + minSupportShare);
        check(minSupport >= 1, "minSupport must be >= 1, got " + minSupport);
        check(kMin >= 2 && kMax >= kMin, "need 2 <= kMin <= kMax, got kMin " + kMin + ", kMax " + kMax);
        check(minPersonaRows >= 2 * kMin, "minPersonaRows must be >= 2 * kMin, got " + minPersonaRows);
    }

    /** The same settings with another seed. */
    public DiscoverySettings withSeed(long newSeed) {
        return new DiscoverySettings(alpha, maxDepth, beamWidth, rules, minSupportShare, minSupport, kMin, kMax,
                minPersonaRows, newSeed);
    }

    /** The smallest rule, in customers, among {@code labelled} labelled customers. */
    int minSupportFor(int labelled) {
        return Math.max(minSupport, (int) Math.ceil(minSupportShare * labelled));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new InputException("discovery settings: " + message);
        }
    }
}
