package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class AucTest {

    /** Scores rounded to one decimal so that ties within and across classes are common. */
    static double[] tiedScores(SplittableRandom rng, boolean[] labels) {
        double[] s = new double[labels.length];
        for (int i = 0; i < s.length; i++) {
            double shift = labels[i] ? 0.7 : 0;
            s[i] = Math.round((rng.nextGaussian() + shift) * 10) / 10.0;
        }
        return s;
    }

    static boolean[] labels(SplittableRandom rng, int n, double p) {
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < p;
        }
        return y;
    }

    /** psi(x, y) of DeLong et al.: 1 if x > y, 1/2 if equal, 0 otherwise. */
    static double psi(double x, double y) {
        return x > y ? 1 : x == y ? 0.5 : 0;
    }

    static double bruteForceAuc(double[] s, boolean[] y) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] && !y[j]) {
                    sum += psi(s[i], s[j]);
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }

    @Test
    void aucEqualsBruteForcePairwiseCountOnRandomTiedData() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 30; trial++) {
            boolean[] y = labels(rng, 20 + rng.nextInt(200), 0.1 + 0.8 * rng.nextDouble());
            y[0] = true;
            y[1] = false;
            double[] s = tiedScores(rng, y);
            assertThat(Auc.of(s, y)).isCloseTo(bruteForceAuc(s, y), within(1e-12));
        }
    }

    @Test
    void aucIsOneHalfWhenAllScoresTieAndOneOrZeroUnderPerfectOrdering() {
        boolean[] y = {true, false, true, false, false};
        assertThat(Auc.of(new double[] {3, 3, 3, 3, 3}, y)).isEqualTo(0.5);
        assertThat(Auc.of(new double[] {0.9, 0.1, 0.8, 0.2, 0.3}, y)).isEqualTo(1.0);
        assertThat(Auc.of(new double[] {0.1, 0.9, 0.2, 0.8, 0.7}, y)).isEqualTo(0.0);
        // one tie across classes in 6 pairs: (5 + 0.5) / 6
        assertThat(Auc.of(new double[] {0.9, 0.1, 0.3, 0.3, 0.2}, y)).isCloseTo(5.5 / 6, within(1e-15));
    }

    @Test
    void negativeZeroTiesWithPositiveZeroAndInfinitiesAreOrdinaryScores() {
        boolean[] y = {true, false, true, false};
        assertThat(Auc.of(new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, y))
                .isEqualTo((1 + 0.5 + 1 + 1) / 4.0);
    }

    @Test
    void giniIsTwiceAucMinusOne() {
        SplittableRandom rng = new SplittableRandom(3);
        boolean[] y = labels(rng, 500, 0.3);
        double[] s = tiedScores(rng, y);
        assertThat(Auc.gini(s, y)).isCloseTo(2 * Auc.of(s, y) - 1, within(1e-15));
    }

    @Test
    void deLongVarianceEqualsQuadraticDefinitionOfDeLongEtAl() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            boolean[] y = labels(rng, 30 + rng.nextInt(150), 0.2 + 0.6 * rng.nextDouble());
            y[0] = true;
            y[1] = true;
            y[2] = false;
            y[3] = false;
            double[] s = tiedScores(rng, y);

            int m = 0;
            for (boolean b : y) {
                m += b ? 1 : 0;
            }
            int n = y.length - m;
            double[] v10 = new double[m];
            double[] v01 = new double[n];
            int a = 0;
            for (int i = 0; i < s.length; i++) {
                if (!y[i]) {
                    continue;
                }
                int b = 0;
                for (int j = 0; j < s.length; j++) {
                    if (!y[j]) {
                        double p = psi(s[i], s[j]);
                        v10[a] += p / n;
                        v01[b] += p / m;
                        b++;
                    }
                }
                a++;
            }
            double auc = bruteForceAuc(s, y);
            double s10 = 0;
            for (double v : v10) {
                s10 += (v - auc) * (v - auc);
            }
            double s01 = 0;
            for (double v : v01) {
                s01 += (v - auc) * (v - auc);
            }
            double expected = s10 / (m - 1) / m + s01 / (n - 1) / n;

            AucVariance dl = Auc.deLong(s, y);
            assertThat(dl.auc()).isCloseTo(auc, within(1e-12));
            assertThat(dl.variance()).isCloseTo(expected, within(1e-14));
            assertThat(dl.positives()).isEqualTo(m);
            assertThat(dl.negatives()).isEqualTo(n);
        }
    }

    @Test
    void deLongIntervalIsAucPlusMinusNormalQuantileTimesStandardError() {
        SplittableRandom rng = new SplittableRandom(5);
        boolean[] y = labels(rng, 400, 0.4);
        double[] s = tiedScores(rng, y);
        AucVariance dl = Auc.deLong(s, y);
        Interval ci = Auc.deLongInterval(s, y, 0.95);
        double z = 1.959963984540054; // Phi^-1(0.975)
        assertThat(ci.estimate()).isEqualTo(dl.auc());
        assertThat(ci.lower()).isCloseTo(dl.auc() - z * dl.standardError(), within(1e-12));
        assertThat(ci.upper()).isCloseTo(dl.auc() + z * dl.standardError(), within(1e-12));
        assertThat(ci.level()).isEqualTo(0.95);
    }

    @Test
    void deLongIntervalIsClippedToUnitIntervalAndDegenerateWithoutVariance() {
        boolean[] y = {true, true, false, false};
        Interval perfect = Auc.deLongInterval(new double[] {2, 3, 0, 1}, y, 0.95);
        assertThat(perfect.lower()).isEqualTo(1.0);
        assertThat(perfect.upper()).isEqualTo(1.0);
        Interval tied = Auc.deLongInterval(new double[] {1, 1, 1, 1}, y, 0.9);
        assertThat(tied.lower()).isEqualTo(0.5);
        assertThat(tied.upper()).isEqualTo(0.5);
    }

    @Test
    void deLongNeedsTwoOfEachClass() {
        assertThatThrownBy(() -> Auc.deLong(new double[] {1, 2, 3}, new boolean[] {true, false, false}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("at least two positives and two negatives")
                .hasMessageContaining("got 1 positives and 2 negatives");
    }

    @Test
    void bootstrapIntervalIsSeededAndAgreesWithDeLongOnAModerateSample() {
        SplittableRandom rng = new SplittableRandom(21);
        boolean[] y = labels(rng, 2000, 0.3);
        double[] s = tiedScores(rng, y);
        Interval a = Auc.bootstrapInterval(s, y, 0.95, 1000, 99);
        Interval b = Auc.bootstrapInterval(s, y, 0.95, 1000, 99);
        Interval c = Auc.bootstrapInterval(s, y, 0.95, 1000, 100);
        Interval dl = Auc.deLongInterval(s, y, 0.95);
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(a.estimate()).isEqualTo(Auc.of(s, y));
        assertThat(a.contains(a.estimate())).isTrue();
        // both estimate the same sampling variability: widths within 15 %, centres close
        assertThat(a.width()).isCloseTo(dl.width(), within(0.15 * dl.width()));
        assertThat((a.lower() + a.upper()) / 2).isCloseTo((dl.lower() + dl.upper()) / 2, within(0.1 * dl.width()));
    }

    @Test
    void bootstrapIntervalOfPerfectSeparationIsDegenerateAtOne() {
        Interval ci = Auc.bootstrapInterval(new double[] {5, 6, 7, 1, 2}, new boolean[] {true, true, true, false, false},
                0.9, 200, 1);
        assertThat(ci.lower()).isEqualTo(1.0);
        assertThat(ci.upper()).isEqualTo(1.0);
    }

    @Test
    void badInputIsRejectedWithAMessageAndLeavesArgumentsUnchanged() {
        double[] s = {0.3, Double.NaN, 0.1};
        boolean[] y = {true, false, false};
        assertThatThrownBy(() -> Auc.of(s, y)).isInstanceOf(InputException.class).hasMessage("scores[1] is NaN");
        assertThat(s).containsExactly(0.3, Double.NaN, 0.1);
        assertThatThrownBy(() -> Auc.of(new double[0], new boolean[0]))
                .isInstanceOf(InputException.class).hasMessage("scores must not be empty");
        assertThatThrownBy(() -> Auc.of(new double[] {1, 2}, new boolean[] {true}))
                .isInstanceOf(InputException.class)
                .hasMessage("scores and labels must have the same length (scores: 2, labels: 1)");
        assertThatThrownBy(() -> Auc.of(null, y)).isInstanceOf(InputException.class).hasMessage("scores must not be null");
        assertThatThrownBy(() -> Auc.of(new double[] {1, 2}, new boolean[] {true, true}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessage("AUC needs at least one positive and one negative label; got 2 positives and 0 negatives");
        assertThatThrownBy(() -> Auc.deLongInterval(new double[] {1, 2}, new boolean[] {true, false}, 1.0))
                .isInstanceOf(InputException.class).hasMessage("level must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> Auc.bootstrapInterval(new double[] {1, 2}, new boolean[] {true, false}, 0.95, 1, 0))
                .isInstanceOf(InputException.class).hasMessage("replicates must be at least 2, got 1");

        double[] sorted = {0.9, 0.1, 0.5, 0.7};
        Auc.deLong(sorted, new boolean[] {true, false, true, false});
        assertThat(sorted).containsExactly(0.9, 0.1, 0.5, 0.7);
    }
}
