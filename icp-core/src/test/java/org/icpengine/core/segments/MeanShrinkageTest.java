package org.icpengine.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Normal-normal empirical-Bayes shrinkage of means, worked out by hand. */
class MeanShrinkageTest {

    private static final double NAN = Double.NaN;

    @Test
    void shrinksByTheShareOfBetweenGroupVariance() {
        // σ² = 4 (pooled), v = σ²/n = 1, w = 1; m̄ = 15, Q = 25 + 25 = 50, k = 2;
        // τ² = (Q - (k - 1)) / (Σw - Σw²/Σw) = 49 / (2 - 1) = 49; factor τ²/(τ² + v) = 0.98
        double[] s = MeanShrinkage.shrink(new double[] {10, 20}, new long[] {4, 4}, new double[] {2, 2}, 15);

        assertThat(s[0]).isCloseTo(15 - 0.98 * 5, within(1e-12));
        assertThat(s[1]).isCloseTo(15 + 0.98 * 5, within(1e-12));
    }

    @Test
    void smallGroupsMoveFurtherThanLargeOnes() {
        double[] s = MeanShrinkage.shrink(new double[] {10, 20, 30}, new long[] {2, 50, 50}, new double[] {10, 10, 10}, 20);

        assertThat(s[0]).isGreaterThan(10).isLessThan(20);
        assertThat(s[2]).isLessThan(30).isGreaterThan(29);
        assertThat(s[0] - 10).isGreaterThan(30 - s[2]);
    }

    @Test
    void differencesWithinNoiseShrinkAllTheWayToThePrior() {
        // σ² = 16, w = 0.25; Q = 0.25·0.25 + 0.25·0.25 = 0.125 < k - 1 = 1, so τ² = 0
        double[] s = MeanShrinkage.shrink(new double[] {10, 11}, new long[] {4, 4}, new double[] {4, 4}, 10.4);

        assertThat(s).containsExactly(10.4, 10.4);
    }

    @Test
    void aNanPriorMeansTheWeightedMean() {
        double[] s = MeanShrinkage.shrink(new double[] {10, 11}, new long[] {4, 12}, new double[] {4, 4}, NAN);

        assertThat(s[0]).isCloseTo((40 + 132) / 16.0, within(1e-12));
    }

    @Test
    void groupsWithoutDataStayNanAndDoNotCount() {
        double[] s = MeanShrinkage.shrink(new double[] {10, NAN, 20}, new long[] {4, 0, 4}, new double[] {2, NAN, 2}, 15);

        assertThat(s[1]).isNaN();
        assertThat(s[0]).isCloseTo(15 - 0.98 * 5, within(1e-12));
    }

    @Test
    void groupsOfOneValueUseThePooledVariance() {
        // only the first group has a spread: σ² = 4; the second has v = 4 / 1
        double[] s = MeanShrinkage.shrink(new double[] {10, 20}, new long[] {5, 1}, new double[] {2, NAN}, 12);

        assertThat(s[0]).isBetween(10.0, 12.0);
        assertThat(s[1]).isBetween(12.0, 20.0);
    }

    @Test
    void returnsNullWhenTheVariancesCannotBeEstimated() {
        assertThat(MeanShrinkage.shrink(new double[] {10}, new long[] {5}, new double[] {2}, 10)).as("one group").isNull();
        assertThat(MeanShrinkage.shrink(new double[] {10, 20}, new long[] {1, 1}, new double[] {NAN, NAN}, 15))
                .as("no group of two").isNull();
        assertThat(MeanShrinkage.shrink(new double[] {10, 20}, new long[] {3, 3}, new double[] {0, 0}, 15))
                .as("no spread within groups").isNull();
        assertThat(MeanShrinkage.shrink(new double[] {}, new long[] {}, new double[] {}, 15)).as("empty").isNull();
    }
}
