package org.icpengine.stats.ltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InputException;
import org.icpengine.stats.special.GammaFunctions;
import org.junit.jupiter.api.Test;

/** The predictions of Fader, Hardie &amp; Lee (2005) on CDNOW, from the fitted model. */
class BgNbdModelTest {

    private static final BgNbdModel FIT = BgNbdTrainerTest.cdnowFit();

    /** The parameters as rounded in the BTYD documentation, at which the published probabilities were computed. */
    private static final BgNbdModel ROUNDED = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

    @Test
    void expectedPurchasesMatchPublishedValues() {
        double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
        double[] published = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < t.length; i++) {
            // to the published four decimals; at t = 78 the exact value is 1.85797 (confirmed below by
            // quadrature) and the published 1.8576 from Hardie's spreadsheet differs in the fourth decimal
            assertThat(FIT.expectedPurchases(t[i])).as("E[X(%s)]", t[i]).isCloseTo(published[i], within(5e-4));
        }
    }

    @Test
    void expectedPurchasesAgreeWithQuadratureOfTheDefiningIntegral() {
        // E[X(t)] = E_p[(1 - (alpha/(alpha + p t))^r) / p], p ~ Beta(a, b): FHL (2005), before eq. (9)
        for (double t : new double[] {0.1429, 3, 32, 78, 1000}) {
            assertThat(FIT.expectedPurchases(t)).isCloseTo(quadrature(FIT, t), within(1e-10 * quadrature(FIT, t)));
        }
    }

    /** Tanh-sinh quadrature over p in (0, 1), which copes with the p^(a-1) endpoint singularity. */
    private static double quadrature(BgNbdModel m, double t) {
        double logB = GammaFunctions.logBeta(m.a(), m.b());
        double h = 1.0 / 64;
        double sum = 0;
        for (double s = -5; s <= 5; s += h) {
            double u = 0.5 * Math.PI * Math.sinh(s);
            double p = 1 / (1 + Math.exp(-2 * u));
            double q = 1 / (1 + Math.exp(2 * u));
            double weight = 0.5 * Math.PI * Math.cosh(s) * p * q * 2;
            if (p == 0 || q == 0) {
                continue;
            }
            double g = -Math.expm1(-m.r() * Math.log1p(p * t / m.alpha())) / p;
            sum += weight * g * Math.exp((m.a() - 1) * Math.log(p) + (m.b() - 1) * Math.log(q) - logB);
        }
        return sum * h;
    }

    @Test
    void conditionalExpectedPurchasesMatchPublishedValue() {
        assertThat(FIT.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(5e-4));
    }

    @Test
    void probabilityOfPurchasesMatchesPublishedValues() {
        // published (BTYD, lifetimes) at the rounded parameters
        assertThat(ROUNDED.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(1e-5 * 1.07869e-07));
        assertThat(ROUNDED.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-7));
        // the fitted parameters differ from the rounded ones in the fourth digit, and so do these
        assertThat(FIT.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(5e-3 * 1.07869e-07));
        assertThat(FIT.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-3));
    }

    @Test
    void purchaseProbabilitiesSumToOneAndAverageToTheExpectation() {
        for (double t : new double[] {2, 39, 78}) {
            double total = 0;
            double mean = 0;
            for (int n = 0; n <= 600; n++) {
                double p = FIT.probabilityOfPurchases(n, t);
                assertThat(p).isBetween(0.0, 1.0);
                total += p;
                mean += n * p;
            }
            assertThat(total).isCloseTo(1.0, within(1e-10));
            assertThat(mean).isCloseTo(FIT.expectedPurchases(t), within(1e-9));
        }
        assertThat(FIT.probabilityOfPurchases(0, 0)).isEqualTo(1.0);
        assertThat(FIT.probabilityOfPurchases(3, 0)).isEqualTo(0.0);
    }

    @Test
    void newCustomerConditionalExpectationIsTheUnconditionalOne() {
        for (double t : new double[] {1, 39, 500}) {
            assertThat(FIT.conditionalExpectedPurchases(t, 0, 0, 0))
                    .isCloseTo(FIT.expectedPurchases(t), within(1e-12 * FIT.expectedPurchases(t)));
        }
        assertThat(FIT.conditionalExpectedPurchases(0, 3, 10, 20)).isEqualTo(0.0);
    }

    @Test
    void probabilityAliveFallsWithTimeSinceTheLastPurchase() {
        assertThat(FIT.probabilityAlive(0, 0, 38)).isEqualTo(1.0);
        double previous = 1;
        for (double tx = 38; tx >= 0.5; tx -= 2.5) {
            double p = FIT.probabilityAlive(4, tx, 38);
            assertThat(p).isLessThanOrEqualTo(previous).isGreaterThan(0);
            previous = p;
        }
        // many purchases long ago: almost surely gone, without overflow
        assertThat(FIT.probabilityAlive(500, 1, 1000)).isBetween(0.0, 1e-10);
        assertThat(FIT.conditionalExpectedPurchases(39, 500, 1, 1000)).isFinite().isGreaterThanOrEqualTo(0);
        double[] batch = FIT.probabilityAlive(new int[] {0, 4}, new double[] {0, 10}, new double[] {38, 38});
        assertThat(batch).containsExactly(1.0, FIT.probabilityAlive(4, 10, 38));
    }

    @Test
    void heavyCustomersKeepFinitePredictions() {
        // x = 2000 puts 2F1 far beyond the double range before Pfaff's transformation; references from
        // eq. (10) evaluated in 40-digit arithmetic with mpmath 1.3 at the fitted parameters
        assertThat(FIT.conditionalExpectedPurchases(39, 2000, 38.49, 38.5))
                .isCloseTo(1383.0952696334481, within(1e-9 * 1383.1));
        // the same buyer after a pause of half a week (26 expected purchases missing) is probably gone
        assertThat(FIT.conditionalExpectedPurchases(39, 2000, 38, 38.5))
                .isCloseTo(2.303449242504274e-4, within(1e-9 * 2.3e-4));
    }

    @Test
    void removableSingularitiesAtAEqualsOneAreBridged() {
        // eq. (9) has a 0/0 at a = 1 and, for a new customer, at a + b - 1 = 0
        for (double[] p : new double[][] {{1.0, 2.0}, {0.5, 0.5}}) {
            BgNbdModel at = BgNbdModel.of(0.3, 5, p[0], p[1]);
            BgNbdModel below = BgNbdModel.of(0.3, 5, p[0] * (1 - 1e-4), p[1]);
            BgNbdModel above = BgNbdModel.of(0.3, 5, p[0] * (1 + 1e-4), p[1]);
            double mid = 0.5 * (below.expectedPurchases(40) + above.expectedPurchases(40));
            assertThat(at.expectedPurchases(40)).isCloseTo(mid, within(1e-6 * mid));
            double cmid = 0.5 * (below.conditionalExpectedPurchases(40, 0, 0, 10)
                    + above.conditionalExpectedPurchases(40, 0, 0, 10));
            assertThat(at.conditionalExpectedPurchases(40, 0, 0, 10)).isCloseTo(cmid, within(1e-6 * cmid));
        }
    }

    @Test
    void invalidArgumentsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> BgNbdModel.of(-1, 1, 1, 1)).isInstanceOf(InputException.class)
                .hasMessageContaining("r must be a finite number > 0");
        assertThatThrownBy(() -> new BgNbdModel(1, 1, 1, 1, Double.NaN, 5)).isInstanceOf(InputException.class)
                .hasMessageContaining("logLikelihood must be finite");
        assertThatThrownBy(() -> FIT.expectedPurchases(-1)).isInstanceOf(InputException.class)
                .hasMessageContaining("t must be a finite number >= 0");
        assertThatThrownBy(() -> FIT.probabilityOfPurchases(-1, 2)).isInstanceOf(InputException.class)
                .hasMessageContaining("n must be >= 0");
        assertThatThrownBy(() -> FIT.conditionalExpectedPurchases(10, 1, 5, 4)).isInstanceOf(InputException.class)
                .hasMessageContaining("t_x (time of the last purchase) must be in [0, T = 4.0], got 5.0");
        assertThatThrownBy(() -> FIT.probabilityAlive(new int[] {1}, new double[] {1, 2}, new double[] {3}))
                .isInstanceOf(InputException.class).hasMessageContaining("same length");
    }
}
