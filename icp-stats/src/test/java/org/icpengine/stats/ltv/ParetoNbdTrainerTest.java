package org.icpengine.stats.ltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

/** The Pareto/NBD fit to the CDNOW calibration sample, as reported by Fader, Hardie &amp; Lee (2005). */
class ParetoNbdTrainerTest {

    private static final LtvData.Cdnow CDNOW = LtvData.cdnow();
    private static final ParetoNbdModel FIT = new ParetoNbdTrainer().fit(CDNOW.x(), CDNOW.tx(), CDNOW.T());

    private static double totalLogLikelihood(ParetoNbdModel m) {
        double sum = 0;
        for (int i = 0; i < CDNOW.size(); i++) {
            sum += m.customerLogLikelihood(CDNOW.x()[i], CDNOW.tx()[i], CDNOW.T()[i]);
        }
        return sum;
    }

    @Test
    void fitRecoversPublishedParametersOnCdnow() {
        // published to three decimals: agreement to 3 significant digits or better
        assertThat(FIT.r()).isCloseTo(0.553, within(0.0005));
        assertThat(FIT.alpha()).isCloseTo(10.578, within(0.005));
        assertThat(FIT.s()).isCloseTo(0.606, within(0.0005));
        assertThat(FIT.beta()).isCloseTo(11.669, within(0.005));
        // published to one decimal
        assertThat(FIT.logLikelihood()).isCloseTo(-9595.0, within(0.05));
        assertThat(FIT.observations()).isEqualTo(2357);
        assertThat(totalLogLikelihood(FIT)).isCloseTo(FIT.logLikelihood(), within(1e-8));
    }

    @Test
    void fitIsAtLeastAsGoodAsThePublishedParameters() {
        assertThat(FIT.logLikelihood())
                .isGreaterThanOrEqualTo(totalLogLikelihood(ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669)));
    }

    @Test
    void logLikelihoodMatchesAnIndependentHighPrecisionEvaluation() {
        // the likelihood of Fader & Hardie (2005) evaluated directly (2F1 without transformations) in
        // 25-digit arithmetic with mpmath 1.3, on the CDNOW summaries; both branches alpha < beta and
        // alpha >= beta
        double[][] cases = {
            {0.553, 10.578, 0.606, 11.669, -9594.9740100409766439},
            {0.553, 11.669, 0.606, 10.578, -9600.1655694714992666},
            {0.8, 50.0, 2.0, 0.5, -15322.15054751326555},
            {0.3, 0.2, 0.4, 90.0, -11464.814640472924113},
        };
        for (double[] c : cases) {
            assertThat(totalLogLikelihood(ParetoNbdModel.of(c[0], c[1], c[2], c[3])))
                    .as("LL(%s, %s, %s, %s)", c[0], c[1], c[2], c[3]).isCloseTo(c[4], within(1e-8));
        }
        // one extreme customer (500 purchases, the last long ago)
        assertThat(ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669).customerLogLikelihood(500, 1, 1000))
                .isCloseTo(1376.6167128589905776, within(1e-9));
        assertThat(ParetoNbdModel.of(0.8, 50.0, 2.0, 0.5).customerLogLikelihood(500, 1, 1000))
                .isCloseTo(639.63757651744741408, within(1e-9));
    }

    @Test
    void probabilityAliveIsAProbabilityAndOneAtTheLastPurchase() {
        for (int i = 0; i < CDNOW.size(); i++) {
            assertThat(FIT.probabilityAlive(CDNOW.x()[i], CDNOW.tx()[i], CDNOW.T()[i])).isBetween(0.0, 1.0);
        }
        assertThat(FIT.probabilityAlive(3, 20, 20)).isEqualTo(1.0);
        assertThat(FIT.probabilityAlive(3, 5, 38)).isLessThan(FIT.probabilityAlive(3, 30, 38));
        assertThat(FIT.probabilityAlive(500, 1, 1000)).isBetween(0.0, 1e-10);
    }

    @Test
    void newCustomerConditionalExpectationIsTheUnconditionalOne() {
        for (double t : new double[] {1, 39, 500}) {
            assertThat(FIT.conditionalExpectedPurchases(t, 0, 0, 0))
                    .isCloseTo(FIT.expectedPurchases(t), within(1e-12 * FIT.expectedPurchases(t)));
        }
        // s = 1 is the logarithmic limit of the closed form
        ParetoNbdModel one = ParetoNbdModel.of(0.5, 10, 1.0, 12);
        ParetoNbdModel near = ParetoNbdModel.of(0.5, 10, 1.0 + 1e-9, 12);
        assertThat(one.expectedPurchases(39)).isCloseTo(near.expectedPurchases(39), within(1e-8));
        double[] batch = FIT.conditionalExpectedPurchases(39, new int[] {2}, new double[] {30.43}, new double[] {38.86});
        assertThat(batch).containsExactly(FIT.conditionalExpectedPurchases(39, 2, 30.43, 38.86));
    }

    @Test
    void fittedModelSurvivesAJsonRoundTripWithIdenticalPredictions() {
        ParetoNbdModel back = Json.roundTrip(FIT, ParetoNbdModel.class);
        assertThat(back).isEqualTo(FIT);
        assertThat(back.probabilityAlive(2, 30.43, 38.86)).isEqualTo(FIT.probabilityAlive(2, 30.43, 38.86));
        assertThat(back.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
                .isEqualTo(FIT.conditionalExpectedPurchases(39, 2, 30.43, 38.86));
    }

    @Test
    void noRepeatPurchasesOrNoCustomersIsInsufficientData() {
        assertThatThrownBy(() -> new ParetoNbdTrainer().fit(new int[] {0, 0}, new double[2], new double[] {5, 6}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("Pareto/NBD: none of the 2 customers made a repeat purchase");
        assertThatThrownBy(() -> new ParetoNbdTrainer().fit(new int[0], new double[0], new double[0]))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("no customers");
    }

    @Test
    void invalidSummariesAreRejectedWithTheIndexAndLeftUnchanged() {
        int[] x = {1, 2};
        double[] tx = {-1, 3};
        double[] t = {4, 4};
        assertThatThrownBy(() -> new ParetoNbdTrainer().fit(x, tx, t))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("t_x[0] (time of the last purchase) must be in [0, T = 4.0], got -1.0");
        assertThat(tx).containsExactly(-1, 3);
        assertThatThrownBy(() -> ParetoNbdModel.of(1, 1, 0, 1)).isInstanceOf(InputException.class)
                .hasMessageContaining("s must be a finite number > 0");
    }
}
