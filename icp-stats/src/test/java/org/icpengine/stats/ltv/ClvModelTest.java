package org.icpengine.stats.ltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

class ClvModelTest {

    private static final LtvData.Cdnow CDNOW = LtvData.cdnow();
    private static final ClvModel CLV = new ClvModel(BgNbdTrainerTest.cdnowFit(), GammaGammaTrainerTest.cdnowFit());

    /**
     * The example of the lifetimes README ("Estimating customer lifetime value using the Gamma-Gamma
     * model"): BG/NBD and Gamma-Gamma fitted to this CDNOW file, 12 periods of 30 time units (the
     * library's default {@code freq="D"} on data in weeks), discount rate 0.01 per period.
     */
    @Test
    void lifetimeValueMatchesTheLifetimesDocumentationExample() {
        double[] published = {140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683,
            38.180574, 167.418216, 38.180574};
        for (int i = 0; i < 10; i++) {
            double v = CLV.lifetimeValue(CDNOW.x()[i], CDNOW.tx()[i], CDNOW.T()[i], CDNOW.zbar()[i], 12, 30, 0.01);
            assertThat(v).as("customer %d", i + 1).isCloseTo(published[i], within(1e-7 * published[i]));
        }
    }

    @Test
    void lifetimeValueIsTheDiscountedSumOfExpectedTransactionsTimesExpectedSpend() {
        BgNbdModel b = CLV.purchases();
        double spend = CLV.spend().conditionalExpectedSpend(2, 22.35);
        double expected = 0;
        for (int i = 1; i <= 6; i++) {
            double inPeriod = b.conditionalExpectedPurchases(4.0 * i, 2, 30.43, 38.86)
                    - b.conditionalExpectedPurchases(4.0 * (i - 1), 2, 30.43, 38.86);
            expected += spend * inPeriod / Math.pow(1.05, i);
        }
        assertThat(CLV.lifetimeValue(2, 30.43, 38.86, 22.35, 6, 4, 0.05)).isCloseTo(expected, within(1e-12 * expected));
        assertThat(CLV.lifetimeValue(2, 30.43, 38.86, 22.35, 0, 4, 0.05)).isEqualTo(0.0);
        // undiscounted: expected spend times expected purchases over the whole horizon
        assertThat(CLV.lifetimeValue(2, 30.43, 38.86, 22.35, 6, 4, 0))
                .isCloseTo(spend * b.conditionalExpectedPurchases(24, 2, 30.43, 38.86), within(1e-10));
        assertThat(CLV.lifetimeValue(2, 30.43, 38.86, 22.35, 6, 4, 0.2))
                .isLessThan(CLV.lifetimeValue(2, 30.43, 38.86, 22.35, 6, 4, 0.05));
        double[] batch = CLV.lifetimeValue(new int[] {0, 2}, new double[] {0, 30.43}, new double[] {38.86, 38.86},
                new double[] {0, 22.35}, 6, 4, 0.05);
        assertThat(batch[1]).isEqualTo(CLV.lifetimeValue(2, 30.43, 38.86, 22.35, 6, 4, 0.05));
    }

    @Test
    void combinedModelSurvivesAJsonRoundTripWithIdenticalPredictions() {
        ClvModel back = Json.roundTrip(CLV, ClvModel.class);
        assertThat(back).isEqualTo(CLV);
        assertThat(back.lifetimeValue(2, 30.43, 38.86, 22.35, 12, 4.345, 0.01))
                .isEqualTo(CLV.lifetimeValue(2, 30.43, 38.86, 22.35, 12, 4.345, 0.01));
    }

    @Test
    void invalidArgumentsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> new ClvModel(null, CLV.spend())).isInstanceOf(InputException.class)
                .hasMessageContaining("purchases (the BG/NBD model) must not be null");
        assertThatThrownBy(() -> CLV.lifetimeValue(2, 30, 38, 22, 12, 0, 0.01)).isInstanceOf(InputException.class)
                .hasMessageContaining("periodLength must be a finite number > 0");
        assertThatThrownBy(() -> CLV.lifetimeValue(2, 30, 38, 22, -1, 4, 0.01)).isInstanceOf(InputException.class)
                .hasMessageContaining("periods must be >= 0");
        assertThatThrownBy(() -> CLV.lifetimeValue(2, 30, 38, 22, 12, 4, -0.5)).isInstanceOf(InputException.class)
                .hasMessageContaining("discountRate must be a finite number >= 0");
        assertThatThrownBy(() -> CLV.lifetimeValue(new int[] {1}, new double[] {1}, new double[] {2}, new double[0],
                12, 4, 0.01)).isInstanceOf(InputException.class).hasMessageContaining("meanSpend must have the same length");
    }
}
