package org.icpengine.stats.ltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

/** Fader, Hardie &amp; Lee (2005): the BG/NBD fit to the CDNOW calibration sample (2357 customers, weeks). */
class BgNbdTrainerTest {

    static BgNbdModel cdnowFit() {
        LtvData.Cdnow d = LtvData.cdnow();
        return new BgNbdTrainer().fit(d.x(), d.tx(), d.T());
    }

    @Test
    void fitRecoversPublishedParametersOnCdnow() {
        BgNbdModel m = cdnowFit();
        // published to six decimals; agreement to 1e-5 relative (a flat likelihood makes the sixth uncertain)
        assertThat(m.r()).isCloseTo(0.242593, within(1e-5 * 0.242593));
        assertThat(m.alpha()).isCloseTo(4.413532, within(1e-5 * 4.413532));
        assertThat(m.a()).isCloseTo(0.792886, within(1e-5 * 0.792886));
        assertThat(m.b()).isCloseTo(2.425752, within(1e-5 * 2.425752));
        assertThat(m.logLikelihood()).isCloseTo(-9582.43, within(0.01));
        assertThat(m.observations()).isEqualTo(2357);
    }

    @Test
    void modelLogLikelihoodIsTheSumOverCustomers() {
        BgNbdModel m = cdnowFit();
        LtvData.Cdnow d = LtvData.cdnow();
        double sum = 0;
        for (int i = 0; i < d.size(); i++) {
            sum += m.customerLogLikelihood(d.x()[i], d.tx()[i], d.T()[i]);
        }
        assertThat(sum).isCloseTo(m.logLikelihood(), within(1e-8));
    }

    @Test
    void fitIsAtAMaximum() {
        BgNbdModel m = cdnowFit();
        LtvData.Cdnow d = LtvData.cdnow();
        double best = m.logLikelihood();
        double[] p = {m.r(), m.alpha(), m.a(), m.b()};
        for (int j = 0; j < 4; j++) {
            for (double f : new double[] {0.999, 1.001}) {
                double[] q = p.clone();
                q[j] *= f;
                BgNbdModel other = BgNbdModel.of(q[0], q[1], q[2], q[3]);
                double ll = 0;
                for (int i = 0; i < d.size(); i++) {
                    ll += other.customerLogLikelihood(d.x()[i], d.tx()[i], d.T()[i]);
                }
                assertThat(ll).isLessThan(best);
            }
        }
    }

    @Test
    void changingTheTimeUnitRescalesOnlyAlpha() {
        LtvData.Cdnow d = LtvData.cdnow();
        double[] txDays = new double[d.size()];
        double[] tDays = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            txDays[i] = 7 * d.tx()[i];
            tDays[i] = 7 * d.T()[i];
        }
        BgNbdModel weeks = cdnowFit();
        BgNbdModel days = new BgNbdTrainer().fit(d.x(), txDays, tDays);
        assertThat(days.alpha()).isCloseTo(7 * weeks.alpha(), within(1e-5 * days.alpha()));
        assertThat(days.r()).isCloseTo(weeks.r(), within(1e-5 * weeks.r()));
        assertThat(days.a()).isCloseTo(weeks.a(), within(1e-5 * weeks.a()));
        assertThat(days.b()).isCloseTo(weeks.b(), within(1e-5 * weeks.b()));
    }

    @Test
    void fittedModelSurvivesAJsonRoundTripWithIdenticalPredictions() {
        BgNbdModel m = cdnowFit();
        BgNbdModel back = Json.roundTrip(m, BgNbdModel.class);
        assertThat(back).isEqualTo(m);
        assertThat(back.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
                .isEqualTo(m.conditionalExpectedPurchases(39, 2, 30.43, 38.86));
        assertThat(back.expectedPurchases(78)).isEqualTo(m.expectedPurchases(78));
        assertThat(back.probabilityAlive(5, 20, 38)).isEqualTo(m.probabilityAlive(5, 20, 38));
    }

    @Test
    void noRepeatPurchasesIsInsufficientData() {
        assertThatThrownBy(() -> new BgNbdTrainer().fit(new int[] {0, 0, 0}, new double[3], new double[] {10, 20, 30}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("none of the 3 customers made a repeat purchase");
    }

    @Test
    void emptyInputIsInsufficientData() {
        assertThatThrownBy(() -> new BgNbdTrainer().fit(new int[0], new double[0], new double[0]))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("no customers");
    }

    @Test
    void invalidSummariesAreRejectedWithTheIndexAndLeftUnchanged() {
        BgNbdTrainer trainer = new BgNbdTrainer();
        int[] x = {1, 2, 0, 3};
        double[] tx = {5, 6, 0, 41};
        double[] t = {10, 10, 10, 40};
        assertThatThrownBy(() -> trainer.fit(x, tx, t))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("t_x[3] (time of the last purchase) must be in [0, T = 40.0], got 41.0");
        assertThat(x).containsExactly(1, 2, 0, 3);
        assertThat(tx).containsExactly(5, 6, 0, 41);
        assertThat(t).containsExactly(10, 10, 10, 40);
        assertThatThrownBy(() -> trainer.fit(new int[] {1, -1}, new double[] {1, 0}, new double[] {2, 2}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("x[1] (repeat purchases) must be >= 0, got -1");
        assertThatThrownBy(() -> trainer.fit(new int[] {1, 0}, new double[] {1, 0.5}, new double[] {2, 2}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("t_x[1] must be 0 for a customer with no repeat purchase");
        assertThatThrownBy(() -> trainer.fit(new int[] {1, 0}, new double[] {1, 0}, new double[] {2, Double.NaN}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("T[1] (length of observation) must be a finite number > 0, got NaN");
        assertThatThrownBy(() -> trainer.fit(new int[] {1, 0}, new double[] {1}, new double[] {2, 2}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("same length");
    }
}
