package org.icpengine.stats.ltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

/** Fader, Hardie &amp; Lee (2005), "RFM and CLV": the Gamma-Gamma fit to the 946 CDNOW repeat buyers. */
class GammaGammaTrainerTest {

    private static final LtvData.Cdnow CDNOW = LtvData.cdnow();

    static GammaGammaModel cdnowFit() {
        return new GammaGammaTrainer().fit(CDNOW.x(), CDNOW.zbar());
    }

    @Test
    void fitRecoversPublishedParametersOnCdnow() {
        GammaGammaModel m = cdnowFit();
        // published to two decimals
        assertThat(m.p()).isCloseTo(6.25, within(0.01));
        assertThat(m.q()).isCloseTo(3.74, within(0.01));
        assertThat(m.gamma()).isCloseTo(15.44, within(0.01));
        assertThat(m.logLikelihood()).isCloseTo(-4055.92, within(0.01));
        assertThat(m.observations()).isEqualTo(946);
        double sum = 0;
        for (int i = 0; i < CDNOW.size(); i++) {
            if (CDNOW.x()[i] > 0) {
                sum += m.customerLogLikelihood(CDNOW.x()[i], CDNOW.zbar()[i]);
            }
        }
        assertThat(sum).isCloseTo(m.logLikelihood(), within(1e-8));
    }

    @Test
    void conditionalExpectedSpendMatchesPublishedValuesForTheFirstTenCustomers() {
        GammaGammaModel m = cdnowFit();
        double[] published = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
        for (int i = 0; i < 10; i++) {
            assertThat(CDNOW.id()[i]).isEqualTo(i + 1);
            // two published decimals, from parameters themselves rounded to two decimals
            assertThat(m.conditionalExpectedSpend(CDNOW.x()[i], CDNOW.zbar()[i])).as("customer %d", i + 1)
                    .isCloseTo(published[i], within(0.01));
        }
    }

    @Test
    void customersWithoutRepeatPurchasesGetThePopulationMean() {
        GammaGammaModel m = cdnowFit();
        assertThat(m.conditionalExpectedSpend(0, 0)).isEqualTo(m.populationMeanSpend());
        assertThat(m.populationMeanSpend()).isCloseTo(m.p() * m.gamma() / (m.q() - 1), within(1e-12));
        assertThat(GammaGammaModel.of(2, 0.8, 10).populationMeanSpend()).isInfinite();
        // more transactions: closer to the customer's own mean
        double own = 100;
        double previous = m.populationMeanSpend();
        for (int x = 1; x <= 50; x *= 2) {
            double e = m.conditionalExpectedSpend(x, own);
            assertThat(e).isBetween(previous, own);
            previous = e;
        }
        double[] batch = m.conditionalExpectedSpend(new int[] {0, 2}, new double[] {0, 22.35});
        assertThat(batch).containsExactly(m.populationMeanSpend(), m.conditionalExpectedSpend(2, 22.35));
    }

    @Test
    void fittedModelSurvivesAJsonRoundTripWithIdenticalPredictions() {
        GammaGammaModel m = cdnowFit();
        GammaGammaModel back = Json.roundTrip(m, GammaGammaModel.class);
        assertThat(back).isEqualTo(m);
        assertThat(back.conditionalExpectedSpend(2, 22.35)).isEqualTo(m.conditionalExpectedSpend(2, 22.35));
        assertThat(Json.write(m)).doesNotContain("populationMeanSpend");
    }

    @Test
    void tooFewRepeatBuyersOrIdenticalSpendsAreInsufficientData() {
        GammaGammaTrainer trainer = new GammaGammaTrainer();
        assertThatThrownBy(() -> trainer.fit(new int[] {0, 3, 0}, new double[] {0, 10, 0}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("needs at least 2 customers with repeat transactions (x > 0), got 1");
        assertThatThrownBy(() -> trainer.fit(new int[0], new double[0]))
                .isInstanceOf(InsufficientDataException.class);
        int[] x = new int[50];
        double[] same = new double[50];
        java.util.Arrays.fill(x, 2);
        java.util.Arrays.fill(same, 20.0);
        assertThatThrownBy(() -> trainer.fit(x, same)).isInstanceOf(InsufficientDataException.class);
    }

    @Test
    void invalidSpendIsRejectedWithTheIndexAndLeftUnchanged() {
        int[] x = {2, 0, 3};
        double[] spend = {10, 0, -4};
        assertThatThrownBy(() -> new GammaGammaTrainer().fit(x, spend))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("meanSpend[2] must be a finite number > 0 for a customer with x = 3, got -4.0");
        assertThat(spend).containsExactly(10, 0, -4);
        assertThatThrownBy(() -> new GammaGammaTrainer().fit(new int[] {-1}, new double[] {1}))
                .isInstanceOf(InputException.class).hasMessageContaining("x[0] (repeat transactions) must be >= 0");
        assertThatThrownBy(() -> new GammaGammaTrainer().fit(new int[] {1}, new double[] {1, 2}))
                .isInstanceOf(InputException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> cdnowFit().conditionalExpectedSpend(2, Double.NaN))
                .isInstanceOf(InputException.class).hasMessageContaining("meanSpend must be a finite number > 0");
        assertThatThrownBy(() -> cdnowFit().customerLogLikelihood(0, 5))
                .isInstanceOf(InputException.class).hasMessageContaining("x must be >= 1");
    }
}
