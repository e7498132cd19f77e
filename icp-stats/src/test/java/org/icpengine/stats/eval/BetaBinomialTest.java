package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class BetaBinomialTest {

    /** Gamma(shape) for an integer shape: a sum of exponentials. */
    private static double gamma(SplittableRandom rng, int shape) {
        double s = 0;
        for (int i = 0; i < shape; i++) {
            s -= Math.log(1 - rng.nextDouble());
        }
        return s;
    }

    /** The beta-binomial log-likelihood in product form, independent of the log-gamma function. */
    static double logLikelihood(double a, double b, long[] k, long[] n) {
        double ll = 0;
        for (int g = 0; g < k.length; g++) {
            for (long i = 1; i <= n[g]; i++) {
                ll += Math.log(i);
            }
            for (long i = 1; i <= k[g]; i++) {
                ll -= Math.log(i);
            }
            for (long i = 1; i <= n[g] - k[g]; i++) {
                ll -= Math.log(i);
            }
            for (long i = 0; i < k[g]; i++) {
                ll += Math.log(a + i);
            }
            for (long i = 0; i < n[g] - k[g]; i++) {
                ll += Math.log(b + i);
            }
            for (long i = 0; i < n[g]; i++) {
                ll -= Math.log(a + b + i);
            }
        }
        return ll;
    }

    private static long[][] simulate(long seed, int groups, int alpha, int beta) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] k = new long[groups];
        long[] n = new long[groups];
        for (int g = 0; g < groups; g++) {
            double x = gamma(rng, alpha);
            double p = x / (x + gamma(rng, beta));
            n[g] = 20 + rng.nextInt(180);
            for (int i = 0; i < n[g]; i++) {
                k[g] += rng.nextDouble() < p ? 1 : 0;
            }
        }
        return new long[][] {k, n};
    }

    @Test
    void fitRecoversThePriorOfSimulatedGroups() {
        long[][] data = simulate(12, 600, 2, 8);
        BetaBinomialPrior prior = BetaBinomial.fit(data[0], data[1]);
        assertThat(prior.atBoundary()).isFalse();
        assertThat(prior.groups()).isEqualTo(600);
        assertThat(prior.mean()).isCloseTo(0.2, within(0.01));
        assertThat(prior.alpha()).isCloseTo(2, within(0.5));
        assertThat(prior.beta()).isCloseTo(8, within(2.0));
    }

    @Test
    void fitIsALocalMaximumOfTheIndependentlyComputedLikelihood() {
        long[][] data = simulate(3, 40, 3, 5);
        long[] k = data[0];
        long[] n = data[1];
        BetaBinomialPrior prior = BetaBinomial.fit(k, n);
        double a = prior.alpha();
        double b = prior.beta();
        double best = logLikelihood(a, b, k, n);
        assertThat(prior.logLikelihood()).isCloseTo(best, within(1e-8 * Math.abs(best)));
        double h = 1e-3;
        for (double[] d : new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {-1, -1}, {1, -1}, {-1, 1}}) {
            assertThat(logLikelihood(a * (1 + h * d[0]), b * (1 + h * d[1]), k, n)).isLessThan(best);
        }
        // the score (central difference of the independent likelihood) vanishes at the fit
        double e = 1e-5;
        double da = (logLikelihood(a * (1 + e), b, k, n) - logLikelihood(a * (1 - e), b, k, n)) / (2 * e);
        double db = (logLikelihood(a, b * (1 + e), k, n) - logLikelihood(a, b * (1 - e), k, n)) / (2 * e);
        assertThat(da).isCloseTo(0, within(1e-4));
        assertThat(db).isCloseTo(0, within(1e-4));
    }

    @Test
    void manyGroupsOfOneOrTwoTrialsDoNotHideTheOverdispersionOfTheLargeOnes() {
        // 60 groups of 1-3 trials (their moments estimate of the between-group variance is negative) and five
        // large groups with clearly different rates, as in a segment table with many tiny segments
        int small = 60;
        long[] k = new long[small + 5];
        long[] n = new long[small + 5];
        for (int g = 0; g < small; g++) {
            n[g] = 1 + g % 3;
            k[g] = g % 5 == 0 ? 1 : 0;
        }
        long[] bk = {190, 145, 30, 26, 36};
        long[] bn = {273, 232, 59, 86, 81};
        System.arraycopy(bk, 0, k, small, 5);
        System.arraycopy(bn, 0, n, small, 5);

        BetaBinomialPrior prior = BetaBinomial.fit(k, n);

        assertThat(prior.atBoundary()).isFalse();
        assertThat(prior.concentration()).isLessThan(100);
        // the fit beats every concentration of a fine grid at its mean (the profile likelihood's maximum)
        double best = logLikelihood(prior.alpha(), prior.beta(), k, n);
        for (double c = 0.1; c < 1e7; c *= 1.25) {
            assertThat(logLikelihood(prior.mean() * c, (1 - prior.mean()) * c, k, n)).as("concentration %s", c)
                    .isLessThanOrEqualTo(best + 1e-9);
        }
        assertThat(prior.shrink(190, 273)).isGreaterThan(0.6);
    }

    @Test
    void shrinkageMovesSmallGroupsFurtherTowardsThePriorMean() {
        long[] k = {1, 30, 50, 2, 12, 0};
        long[] n = {2, 100, 400, 10, 60, 0};
        BetaBinomialPrior prior = BetaBinomial.fit(k, n);
        assertThat(prior.groups()).isEqualTo(5);
        double[] shrunk = prior.shrink(k, n);
        for (int g = 0; g < k.length; g++) {
            assertThat(shrunk[g]).isEqualTo((k[g] + prior.alpha()) / (n[g] + prior.alpha() + prior.beta()));
        }
        assertThat(shrunk[5]).isCloseTo(prior.mean(), within(1e-15));
        double mean = prior.mean();
        // 1 of 2 (raw 0.5) moves more, relative to its distance, than 50 of 400 (raw 0.125)
        assertThat(Math.abs(shrunk[0] - 0.5) / Math.abs(mean - 0.5))
                .isGreaterThan(Math.abs(shrunk[2] - 0.125) / Math.abs(mean - 0.125));
    }

    @Test
    void identicalRatesPoolCompletelyAtTheBoundary() {
        long[] k = {10, 20, 5, 40};
        long[] n = {100, 200, 50, 400};
        BetaBinomialPrior prior = BetaBinomial.fit(k, n);
        assertThat(prior.atBoundary()).isTrue();
        assertThat(prior.concentration()).isCloseTo(BetaBinomial.MAX_CONCENTRATION, within(1.0));
        assertThat(prior.mean()).isCloseTo(0.1, within(1e-12));
        for (double r : prior.shrink(k, n)) {
            assertThat(r).isCloseTo(0.1, within(1e-9));
        }
        // the binomial log-likelihood at the pooled rate
        double ll = 0;
        for (int g = 0; g < k.length; g++) {
            ll += logLikelihood(1e12 * 0.1, 1e12 * 0.9, new long[] {k[g]}, new long[] {n[g]});
        }
        assertThat(prior.logLikelihood()).isCloseTo(ll, within(1e-3));
    }

    @Test
    void allOrNothingGroupsReachTheLowerBoundaryAndKeepTheirOwnRates() {
        long[] k = {0, 5, 0, 5};
        long[] n = {5, 5, 5, 5};
        BetaBinomialPrior prior = BetaBinomial.fit(k, n);
        assertThat(prior.atBoundary()).isTrue();
        assertThat(prior.alpha()).isCloseTo(BetaBinomial.MIN_PARAMETER, within(1e-12));
        assertThat(prior.beta()).isCloseTo(BetaBinomial.MIN_PARAMETER, within(1e-12));
        // the limit: each group is all-failure or all-success with probability 1/2
        assertThat(prior.logLikelihood()).isCloseTo(4 * Math.log(0.5), within(1e-6));
        assertThat(prior.shrink(5, 5)).isCloseTo(1.0, within(1e-8));
    }

    @Test
    void oneGroupOrNoSuccessesCannotIdentifyAPrior() {
        assertThatThrownBy(() -> BetaBinomial.fit(new long[] {3, 0}, new long[] {10, 0}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("at least two groups with trials").hasMessageEndingWith("got 1");
        assertThatThrownBy(() -> BetaBinomial.fit(new long[] {0, 0}, new long[] {10, 5}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessage("beta-binomial shrinkage needs both successes and failures overall; got 0 successes in 15 trials");
    }

    @Test
    void impossibleCountsAreRejectedAndArgumentsUntouched() {
        long[] k = {3, 11};
        long[] n = {10, 10};
        assertThatThrownBy(() -> BetaBinomial.fit(k, n))
                .isInstanceOf(InputException.class).hasMessage("successes[1] must be in [0, trials[1] = 10], got 11");
        assertThat(k).containsExactly(3, 11);
        assertThatThrownBy(() -> BetaBinomial.fit(new long[] {1}, new long[] {1, 2}))
                .isInstanceOf(InputException.class)
                .hasMessage("successes and trials must have the same length (successes: 1, trials: 2)");
    }
}
