package org.icpengine.core.pipeline.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.scorecard.Tier;

/**
 * Tier cut-offs from a population's scores, by the rule of
 * {@link org.icpengine.stats.scorecard.ScorecardTrainer}: scores sorted high to low, tier t's cut-off is the
 * score at position {@code ceil(cumulative share × n)}; ties at a cut-off go to the better tier. Used for
 * hand-written scorecards so that they are tiered exactly like learned ones (and by {@code icp validate}, which
 * tiers them over its training split). Stateless and thread-safe.
 */
public final class Tiers {

    private Tiers() {
    }

    /**
     * The tiers, best first, of a population's scores.
     *
     * @param scores the population's scores
     * @param shares tier name to target share, best first
     * @throws InsufficientDataException if there are no scores
     */
    public static List<Tier> of(int[] scores, Map<String, Double> shares) {
        int n = scores.length;
        if (n == 0) {
            throw new InsufficientDataException("no accounts to set tier cut-offs on");
        }
        int[] sorted = scores.clone();
        Arrays.sort(sorted);
        List<Tier> tiers = new ArrayList<>();
        double cumulative = 0;
        int i = 0;
        int previousCut = Integer.MAX_VALUE;
        long previousCount = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            cumulative += e.getValue();
            boolean last = ++i == shares.size();
            int cut;
            if (last) {
                cut = Integer.MIN_VALUE;
            } else {
                long position = Math.max(1, Math.min(n, (long) Math.ceil(cumulative * n - 1e-9)));
                cut = Math.min(previousCut, sorted[(int) (n - position)]);
            }
            long atOrAbove = 0;
            for (int s : sorted) {
                atOrAbove += s >= cut ? 1 : 0;
            }
            tiers.add(new Tier(e.getKey(), e.getValue(), cut, (double) (atOrAbove - previousCount) / n));
            previousCount = atOrAbove;
            previousCut = cut;
        }
        return tiers;
    }

    /** Index of a score's tier (0 = best): the first tier whose cut-off it reaches, else the last. */
    public static int index(List<Tier> tiers, int score) {
        for (int t = 0; t < tiers.size() - 1; t++) {
            if (score >= tiers.get(t).minScore()) {
                return t;
            }
        }
        return tiers.size() - 1;
    }
}
