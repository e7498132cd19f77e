package org.icpengine.stats.ltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

/**
 * Fader &amp; Hardie (2007), "How to Project Customer Retention": the sBG fit to years 0..7 of the
 * 1000-customer cohorts of Table 1, the published parameters and log-likelihoods, and the projection
 * of years 8..12.
 */
class SbgTrainerTest {

    private final SbgTrainer trainer = new SbgTrainer();

    private static SbgModel highEnd() {
        LtvData.Survival data = LtvData.survival();
        return new SbgTrainer().fitSurvivalPercent(data.calibrationPart(data.highEnd()), 1000);
    }

    private static SbgModel regular() {
        LtvData.Survival data = LtvData.survival();
        return new SbgTrainer().fitSurvivalPercent(data.calibrationPart(data.regular()), 1000);
    }

    @Test
    void fitRecoversPublishedParametersForHighEndCohort() {
        SbgModel m = highEnd();
        assertThat(m.alpha()).isCloseTo(0.668, within(0.0005));
        assertThat(m.beta()).isCloseTo(3.806, within(0.0005));
        assertThat(m.logLikelihood()).isCloseTo(-1611.16, within(0.01));
        assertThat(m.observations()).isEqualTo(1000);
    }

    @Test
    void fitRecoversPublishedParametersForRegularCohort() {
        SbgModel m = regular();
        assertThat(m.alpha()).isCloseTo(0.704, within(0.0005));
        assertThat(m.beta()).isCloseTo(1.182, within(0.0005));
        assertThat(m.logLikelihood()).isCloseTo(-1680.27, within(0.01));
        assertThat(m.observations()).isEqualTo(1000);
    }

    @Test
    void calibrationFitProjectsPublishedHoldoutSurvival() {
        double[] highEnd = {46.0, 43.6, 41.4, 39.5, 37.8};
        double[] regular = {22.0, 20.4, 19.1, 18.0, 17.0};
        double[] h = highEnd().survivalCurve(12);
        double[] r = regular().survivalCurve(12);
        for (int year = 8; year <= 12; year++) {
            assertThat(100 * h[year]).as("High End, year %d", year).isCloseTo(highEnd[year - 8], within(0.1));
            assertThat(100 * r[year]).as("Regular, year %d", year).isCloseTo(regular[year - 8], within(0.1));
        }
    }

    @Test
    void individualDataGiveTheSameFitAsCohortCounts() {
        // High End: churn counts 131, 126, 90, 60, 42, 34, 26 in years 1..7 and 491 still active
        long[] alive = {1000, 869, 743, 653, 593, 551, 517, 491};
        int[] tenure = new int[1000];
        boolean[] churned = new boolean[1000];
        int i = 0;
        for (int t = 1; t < alive.length; t++) {
            for (long k = alive[t]; k < alive[t - 1]; k++, i++) {
                tenure[i] = t;
                churned[i] = true;
            }
        }
        for (; i < 1000; i++) {
            tenure[i] = 7;
        }
        SbgModel fromCounts = trainer.fitCounts(alive);
        SbgModel fromIndividuals = trainer.fitIndividual(tenure, churned);
        assertThat(fromIndividuals.alpha()).isCloseTo(fromCounts.alpha(), within(1e-7));
        assertThat(fromIndividuals.beta()).isCloseTo(fromCounts.beta(), within(1e-7));
        assertThat(fromIndividuals.logLikelihood()).isCloseTo(fromCounts.logLikelihood(), within(1e-8));
        assertThat(fromIndividuals.observations()).isEqualTo(1000);
        assertThat(fromCounts.alpha()).isCloseTo(highEnd().alpha(), within(1e-7));
    }

    @Test
    void censoredCountsCombineCohortsOfDifferentAges() {
        // a 4-year-old and a 2-year-old cohort, as individual records and as aggregated counts
        long[] churned = {0, 130 + 60, 100 + 45, 70, 50};
        long[] censored = {0, 0, 300, 0, 450};
        int n = 0;
        for (int t = 0; t < churned.length; t++) {
            n += (int) (churned[t] + censored[t]);
        }
        int[] tenure = new int[n];
        boolean[] lost = new boolean[n];
        int i = 0;
        for (int t = 0; t < churned.length; t++) {
            for (int k = 0; k < churned[t]; k++, i++) {
                tenure[i] = t;
                lost[i] = true;
            }
            for (int k = 0; k < censored[t]; k++, i++) {
                tenure[i] = t;
            }
        }
        SbgModel a = trainer.fitCensoredCounts(churned, censored);
        SbgModel b = trainer.fitIndividual(tenure, lost);
        assertThat(a.alpha()).isCloseTo(b.alpha(), within(1e-8));
        assertThat(a.beta()).isCloseTo(b.beta(), within(1e-8));
        assertThat(a.observations()).isEqualTo(n);
        // the maximum: any nearby parameters fit worse
        double best = logLikelihood(a.alpha(), a.beta(), churned, censored);
        assertThat(best).isCloseTo(a.logLikelihood(), within(1e-9));
        for (double[] d : new double[][] {{1.01, 1}, {0.99, 1}, {1, 1.01}, {1, 0.99}}) {
            assertThat(logLikelihood(a.alpha() * d[0], a.beta() * d[1], churned, censored)).isLessThan(best);
        }
    }

    private static double logLikelihood(double alpha, double beta, long[] churned, long[] censored) {
        SbgModel m = SbgModel.of(alpha, beta);
        double ll = 0;
        for (int t = 1; t < churned.length; t++) {
            ll += churned[t] * Math.log(m.churnProbability(t)) + censored[t] * Math.log(m.survival(t));
        }
        return ll;
    }

    @Test
    void fittedModelSurvivesAJsonRoundTripWithIdenticalPredictions() {
        SbgModel m = highEnd();
        SbgModel back = Json.roundTrip(m, SbgModel.class);
        assertThat(back).isEqualTo(m);
        assertThat(back.survivalCurve(20)).containsExactly(m.survivalCurve(20));
        assertThat(back.discountedExpectedResidualLifetime(3, 0.1)).isEqualTo(m.discountedExpectedResidualLifetime(3, 0.1));
        assertThat(Json.write(m)).contains("\"alpha\"", "\"beta\"", "\"logLikelihood\"", "\"observations\"");
    }

    @Test
    void cohortWithoutChurnIsInsufficientData() {
        assertThatThrownBy(() -> trainer.fitCounts(new long[] {100, 100, 100}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("none of the 100 customers churned");
    }

    @Test
    void emptyInputIsInsufficientData() {
        assertThatThrownBy(() -> trainer.fitIndividual(new int[0], new boolean[0]))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("no customers");
    }

    @Test
    void oneObservedPeriodIsInsufficientData() {
        assertThatThrownBy(() -> trainer.fitCounts(new long[] {1000, 700}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("beyond period 1");
    }

    @Test
    void constantRetentionIsInsufficientDataAndNamesTheChurnRate() {
        // exactly geometric: retention 0.8 every year, so the maximum is at alpha, beta -> infinity
        long[] alive = {10000, 8000, 6400, 5120, 4096, 3277};
        assertThatThrownBy(() -> trainer.fitCounts(alive))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("does not rise with tenure")
                .hasMessageContaining("constant churn rate of 0.2000 per period");
    }

    @Test
    void iterationCapThatStopsTheFitIsReported() {
        assertThatThrownBy(() -> trainer.withMaxIterations(1).fitCounts(new long[] {1000, 869, 743, 653, 593}))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("did not reach a maximum");
    }

    @Test
    void malformedPercentagesAreRejectedWithTheIndexAndLeftUnchanged() {
        double[] notStartingAt100 = {90, 80, 70};
        assertThatThrownBy(() -> trainer.fitSurvivalPercent(notStartingAt100, 1000))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("percentAlive[0] must be 100");
        assertThat(notStartingAt100).containsExactly(90, 80, 70);
        double[] rising = {100, 80, 85};
        assertThatThrownBy(() -> trainer.fitSurvivalPercent(rising, 1000))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("percentAlive[2] = 85.0 > percentAlive[1] = 80.0");
        assertThat(rising).containsExactly(100, 80, 85);
        assertThatThrownBy(() -> trainer.fitSurvivalPercent(new double[] {100, 120}, 1000))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("percentAlive[1] must be in [0.0, 100.0]");
        assertThatThrownBy(() -> trainer.fitSurvivalPercent(new double[] {100, 50}, 0))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("cohortSize must be >= 1");
        assertThatThrownBy(() -> trainer.fitSurvivalPercent(new double[] {100}, 10))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("periods 0 and 1");
    }

    @Test
    void malformedCountsAreRejectedWithTheIndexAndLeftUnchanged() {
        long[] rising = {100, 90, 95};
        assertThatThrownBy(() -> trainer.fitCounts(rising))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("alive[2] = 95 > alive[1] = 90");
        assertThat(rising).containsExactly(100, 90, 95);
        assertThatThrownBy(() -> trainer.fitCounts(new long[] {0, 0}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("alive[0] (the cohort size) must be >= 1");
        long[] churned = {0, 5, -1};
        long[] censored = {0, 0, 3};
        assertThatThrownBy(() -> trainer.fitCensoredCounts(churned, censored))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("churned[2] must be >= 0");
        assertThat(churned).containsExactly(0, 5, -1);
        assertThatThrownBy(() -> trainer.fitCensoredCounts(new long[] {2, 5}, new long[] {0, 3}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("churned[0] must be 0");
        assertThatThrownBy(() -> trainer.fitCensoredCounts(new long[] {0, 5}, new long[] {0}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("same length");
    }

    @Test
    void malformedIndividualRecordsAreRejectedWithTheIndexAndLeftUnchanged() {
        int[] tenure = {3, 0, 2};
        boolean[] churned = {true, true, false};
        assertThatThrownBy(() -> trainer.fitIndividual(tenure, churned))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("tenure[1] must be >= 1 for a churned customer, got 0");
        assertThat(tenure).containsExactly(3, 0, 2);
        assertThat(Arrays.equals(churned, new boolean[] {true, true, false})).isTrue();
        assertThatThrownBy(() -> trainer.fitIndividual(new int[] {-1}, new boolean[] {false}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("tenure[0] must be >= 0");
        assertThatThrownBy(() -> trainer.fitIndividual(new int[] {1, 2}, new boolean[] {true}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> trainer.withMaxIterations(0))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("maxIterations must be >= 1");
    }
}
