package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class GainsTest {

    @Test
    void decilesOfDistinctScoresCountThePositivesOfEachTenth() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 1000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextDouble();
            y[i] = rng.nextDouble() < s[i] * 0.6;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -s[i]));
        int total = 0;
        for (boolean b : y) {
            total += b ? 1 : 0;
        }

        List<GainsRow> rows = Gains.byDecile(s, y);
        assertThat(rows).hasSize(10);
        int cumulative = 0;
        for (int g = 0; g < 10; g++) {
            int positives = 0;
            for (int r = g * 100; r < (g + 1) * 100; r++) {
                positives += y[order[r]] ? 1 : 0;
            }
            cumulative += positives;
            GainsRow row = rows.get(g);
            assertThat(row.group()).isEqualTo(g + 1);
            assertThat(row.count()).isEqualTo(100.0);
            assertThat(row.positives()).isCloseTo(positives, within(1e-9));
            assertThat(row.lift()).isCloseTo((positives / 100.0) / (total / 1000.0), within(1e-9));
            assertThat(row.cumulativeGain()).isCloseTo((double) cumulative / total, within(1e-9));
            assertThat(row.cumulativeLift()).isCloseTo(((double) cumulative / ((g + 1) * 100)) / (total / 1000.0), within(1e-9));
            assertThat(row.maxScore()).isEqualTo(s[order[g * 100]]);
            assertThat(row.minScore()).isEqualTo(s[order[(g + 1) * 100 - 1]]);
        }
        assertThat(rows.get(9).cumulativeGain()).isCloseTo(1.0, within(1e-12));
        assertThat(rows.get(9).cumulativeLift()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void tiedRunAcrossAnEdgeIsSplitInProportionWorkedByHand() {
        // ranked: 5 5 5 | 1 ; two groups of two rows. The run of three 5s holds one positive:
        // group 1 takes two thirds of it (2/3 positive), group 2 the last third (1/3) plus the positive 1.
        List<GainsRow> rows = Gains.table(new double[] {5, 5, 1, 5}, new boolean[] {true, false, true, false}, 2);
        assertThat(rows.get(0).count()).isEqualTo(2.0);
        assertThat(rows.get(0).positives()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(rows.get(1).positives()).isCloseTo(4.0 / 3, within(1e-15));
        assertThat(rows.get(1).minScore()).isEqualTo(1.0);
        assertThat(rows.get(1).maxScore()).isEqualTo(5.0);
    }

    @Test
    void tieHandlingIsTheAverageOverRandomTieBreakingAndIgnoresRowOrder() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 50;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextInt(6); // six distinct scores: many runs straddle edges
            y[i] = rng.nextDouble() < 0.2 + 0.1 * s[i];
        }
        y[0] = true;
        List<GainsRow> rows = Gains.table(s, y, 5);

        // Monte Carlo over random tie-breaking: shuffle, then stable sort by descending score
        int trials = 4000;
        double[] mean = new double[5];
        Integer[] idx = new Integer[n];
        for (int t = 0; t < trials; t++) {
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
            }
            Arrays.sort(idx, Comparator.comparingDouble(i -> -s[i]));
            for (int r = 0; r < n; r++) {
                if (y[idx[r]]) {
                    mean[r / 10] += 1.0 / trials;
                }
            }
        }
        for (int g = 0; g < 5; g++) {
            assertThat(rows.get(g).count()).isCloseTo(10.0, within(1e-12));
            assertThat(rows.get(g).positives()).isCloseTo(mean[g], within(0.1));
        }

        // the same multiset in reverse row order gives the identical table
        double[] rs = new double[n];
        boolean[] ry = new boolean[n];
        for (int i = 0; i < n; i++) {
            rs[i] = s[n - 1 - i];
            ry[i] = y[n - 1 - i];
        }
        assertThat(Gains.table(rs, ry, 5)).isEqualTo(rows);
    }

    @Test
    void gainsNeedAtLeastOnePositive() {
        assertThatThrownBy(() -> Gains.byDecile(new double[] {1, 2}, new boolean[] {false, false}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessage("gains table needs at least one positive label; got 0 of 2");
    }
}
