package org.icpengine.stats.ltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/**
 * Fits to data simulated (with fixed seeds) from known parameters recover those parameters within
 * sampling error: a check of the likelihoods and optimizers away from the published data sets.
 */
class SimulatedRecoveryTest {

    @Test
    void bgNbdFitRecoversSimulationParameters() {
        RandomDataGenerator rng = new RandomDataGenerator(20240611L);
        double r = 0.5;
        double alpha = 6;
        double a = 1.2;
        double b = 4;
        int n = 6000;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double lambda = rng.nextGamma(r, 1 / alpha);
            double p = rng.nextBeta(a, b);
            t[i] = 30 + rng.nextInt(0, 30);
            double clock = 0;
            while (true) {
                clock += rng.nextExponential(1 / lambda);
                if (clock > t[i]) {
                    break;
                }
                x[i]++;
                tx[i] = clock;
                if (rng.nextDouble() < p) {
                    break;
                }
            }
        }
        BgNbdModel m = new BgNbdTrainer().fit(x, tx, t);
        assertThat(m.r()).isCloseTo(r, within(0.1 * r));
        assertThat(m.alpha()).isCloseTo(alpha, within(0.15 * alpha));
        assertThat(m.a()).isCloseTo(a, within(0.3 * a));
        assertThat(m.b()).isCloseTo(b, within(0.4 * b));
        // the fitted model predicts the simulated total of repeat purchases
        double predicted = 0;
        long observed = 0;
        for (int i = 0; i < n; i++) {
            predicted += m.expectedPurchases(t[i]);
            observed += x[i];
        }
        assertThat(predicted).isCloseTo(observed, within(0.02 * observed));
    }

    @Test
    void sbgFitRecoversSimulationParametersFromIndividualRecordsOfSeveralCohorts() {
        RandomDataGenerator rng = new RandomDataGenerator(7L);
        double alpha = 1.3;
        double beta = 5.0;
        int n = 20000;
        int[] tenure = new int[n];
        boolean[] churned = new boolean[n];
        for (int i = 0; i < n; i++) {
            int observed = 3 + rng.nextInt(0, 7);
            double theta = rng.nextBeta(alpha, beta);
            int life = 1;
            while (rng.nextDouble() >= theta && life <= observed) {
                life++;
            }
            churned[i] = life <= observed;
            tenure[i] = churned[i] ? life : observed;
        }
        SbgModel m = new SbgTrainer().fitIndividual(tenure, churned);
        assertThat(m.alpha()).isCloseTo(alpha, within(0.15 * alpha));
        assertThat(m.beta()).isCloseTo(beta, within(0.2 * beta));
        assertThat(m.observations()).isEqualTo(n);
    }

    @Test
    void gammaGammaFitRecoversSimulationParameters() {
        RandomDataGenerator rng = new RandomDataGenerator(99L);
        double p = 4;
        double q = 5;
        double gamma = 30;
        int n = 20000;
        int[] x = new int[n];
        double[] spend = new double[n];
        for (int i = 0; i < n; i++) {
            double nu = rng.nextGamma(q, 1 / gamma);
            x[i] = 1 + rng.nextInt(0, 8);
            double total = 0;
            for (int k = 0; k < x[i]; k++) {
                total += rng.nextGamma(p, 1 / nu);
            }
            spend[i] = total / x[i];
        }
        GammaGammaModel m = new GammaGammaTrainer().fit(x, spend);
        assertThat(m.p()).isCloseTo(p, within(0.1 * p));
        assertThat(m.q()).isCloseTo(q, within(0.1 * q));
        assertThat(m.gamma()).isCloseTo(gamma, within(0.15 * gamma));
    }
}
