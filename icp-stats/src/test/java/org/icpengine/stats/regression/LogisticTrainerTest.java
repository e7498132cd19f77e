package org.icpengine.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.binning.ReferenceCsv;
import org.junit.jupiter.api.Test;

class LogisticTrainerTest {

    private static final ReferenceCsv DATA = ReferenceCsv.breastCancer();
    private static final String[] FEATURES = {"mean radius", "mean texture", "mean smoothness"};

    private static double[] design() {
        double[][] cols = new double[FEATURES.length][];
        for (int j = 0; j < FEATURES.length; j++) {
            cols[j] = DATA.column(FEATURES[j]);
        }
        int n = DATA.rows();
        double[] x = new double[n * FEATURES.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES.length; j++) {
                x[i * FEATURES.length + j] = cols[j][i];
            }
        }
        return x;
    }

    @Test
    void unpenalizedFitReproducesTheScikitLearnReferenceOnBreastCancer() {
        double[] x = design();
        int[] y = DATA.labels("target");
        LogisticModel m = LogisticTrainer.unpenalized().fit(x, 3, y);

        // REFERENCE.md (scikit-learn 1.2, lbfgs, tol 1e-12), to 5 significant digits (relative 2e-5).
        // The likelihood is flat along the smoothness coefficient: the reference stops 1.3e-5 (relative)
        // short of the Newton optimum, whose log-likelihood is higher by 5e-9.
        assertThat(m.intercept()).isCloseTo(42.01907, withinPercentage(2e-3));
        assertThat(m.coefficients()[0]).isCloseTo(-1.396985, withinPercentage(2e-3));
        assertThat(m.coefficients()[1]).isCloseTo(-0.3805562, withinPercentage(2e-3));
        assertThat(m.coefficients()[2]).isCloseTo(-144.6724, withinPercentage(2e-3));
        assertThat(m.logLikelihood()).isCloseTo(-93.645111, within(1e-5));
        assertThat(auc(m.probabilities(x), y)).isCloseTo(0.981106, within(1e-6));
        assertThat(m.converged()).isTrue();
        assertThat(m.n()).isEqualTo(569);
        for (double se : m.standardErrors()) {
            assertThat(se).isPositive().isFinite();
        }
    }

    @Test
    void l2FitReproducesTheScikitLearnReferenceWithAnUnpenalizedIntercept() {
        LogisticModel m = LogisticTrainer.l2(1.0).fit(design(), 3, DATA.labels("target"));

        assertThat(m.intercept()).isCloseTo(19.73772, withinPercentage(1e-4));
        assertThat(m.coefficients()[0]).isCloseTo(-1.044856, withinPercentage(1e-4));
        assertThat(m.coefficients()[1]).isCloseTo(-0.2170527, withinPercentage(1e-4));
        assertThat(m.coefficients()[2]).isCloseTo(-0.8712278, withinPercentage(1e-4));
        assertThat(m.lambda()).isEqualTo(1.0);
        assertThat(m.interceptStandardError()).isNaN();
        assertThat(m.standardErrors()).containsOnly(Double.NaN);
    }

    @Test
    void standardErrorsOfABinaryFeatureAreWoolfsLogOddsRatioFormula() {
        // 2x2 table: x=0: 30 events / 70 non-events; x=1: 60 events / 40 non-events
        int n = 200;
        double[] x = new double[n];
        int[] y = new int[n];
        int i = 0;
        for (int[] cell : new int[][] {{0, 1, 30}, {0, 0, 70}, {1, 1, 60}, {1, 0, 40}}) {
            for (int k = 0; k < cell[2]; k++, i++) {
                x[i] = cell[0];
                y[i] = cell[1];
            }
        }
        LogisticModel m = LogisticTrainer.unpenalized().fit(x, 1, y);

        // Woolf (1955): the MLE is the log odds ratio with SE sqrt(1/a + 1/b + 1/c + 1/d)
        assertThat(m.intercept()).isCloseTo(Math.log(30.0 / 70), within(1e-10));
        assertThat(m.coefficients()[0]).isCloseTo(Math.log((60.0 / 40) / (30.0 / 70)), within(1e-10));
        assertThat(m.standardErrors()[0]).isCloseTo(Math.sqrt(1 / 30.0 + 1 / 70.0 + 1 / 60.0 + 1 / 40.0), within(1e-10));
        assertThat(m.interceptStandardError()).isCloseTo(Math.sqrt(1 / 30.0 + 1 / 70.0), within(1e-10));
        double ll = 30 * Math.log(0.3) + 70 * Math.log(0.7) + 60 * Math.log(0.6) + 40 * Math.log(0.4);
        assertThat(m.logLikelihood()).isCloseTo(ll, within(1e-9));
    }

    @Test
    void integerWeightsEqualRepeatedRows() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 300;
        double[] x = new double[n * 2];
        int[] y = new int[n];
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            x[2 * i] = rnd.nextGaussian();
            x[2 * i + 1] = rnd.nextGaussian();
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-(0.5 + x[2 * i] - x[2 * i + 1]))) ? 1 : 0;
            w[i] = rnd.nextInt(4);
            total += (int) w[i];
        }
        double[] xr = new double[total * 2];
        int[] yr = new int[total];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < w[i]; k++, r++) {
                xr[2 * r] = x[2 * i];
                xr[2 * r + 1] = x[2 * i + 1];
                yr[r] = y[i];
            }
        }
        LogisticModel weighted = LogisticTrainer.unpenalized().fit(x, 2, y, w);
        LogisticModel repeated = LogisticTrainer.unpenalized().fit(xr, 2, yr);

        assertThat(weighted.intercept()).isCloseTo(repeated.intercept(), within(1e-9));
        assertThat(weighted.coefficients()).containsExactly(repeated.coefficients(), within(1e-9));
        assertThat(weighted.standardErrors()).containsExactly(repeated.standardErrors(), within(1e-9));
        assertThat(weighted.logLikelihood()).isCloseTo(repeated.logLikelihood(), within(1e-8));
    }

    @Test
    void parallelAndSequentialFitsAreBitIdentical() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 3 * NewtonSolver.BLOCK + 17;
        int p = 5;
        double[] x = new double[n * p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double eta = -0.3;
            for (int j = 0; j < p; j++) {
                x[i * p + j] = rnd.nextGaussian();
                eta += (j - 2) * 0.4 * x[i * p + j];
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        LogisticModel par = LogisticTrainer.l2(2).withParallel(true).fit(x, p, y);
        LogisticModel seq = LogisticTrainer.l2(2).withParallel(false).fit(x, p, y);

        assertThat(par).isEqualTo(seq);
        assertThat(par.coefficients()[4]).isCloseTo(0.8, offset(0.1));
    }

    @Test
    void recoversTheGeneratingCoefficientsOfASimulatedModel() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 20000;
        double[] beta = {1.0, -2.0, 0.5};
        double[] x = new double[n * 3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double eta = -1;
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = rnd.nextGaussian();
                eta += beta[j] * x[i * 3 + j];
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        LogisticModel m = LogisticTrainer.unpenalized().fit(x, 3, y);

        for (int j = 0; j < 3; j++) {
            assertThat(m.coefficients()[j]).isCloseTo(beta[j], within(4 * m.standardErrors()[j]));
        }
        assertThat(m.intercept()).isCloseTo(-1, within(4 * m.interceptStandardError()));
    }

    @Test
    void interceptOnlyFitIsTheLogOddsOfTheEventRate() {
        int[] y = {1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
        LogisticModel m = LogisticTrainer.unpenalized().fit(new double[0], 0, y);

        assertThat(m.intercept()).isCloseTo(Math.log(3.0 / 7), within(1e-12));
        assertThat(m.interceptStandardError()).isCloseTo(1 / Math.sqrt(10 * 0.3 * 0.7), within(1e-12));
        assertThat(m.features()).isZero();
    }

    @Test
    void perfectlySeparatedClassesAreReportedAsInsufficientData() {
        double[] x = {1, 2, 3, 4, 5, 6};
        int[] y = {0, 0, 0, 1, 1, 1};

        assertThatThrownBy(() -> LogisticTrainer.unpenalized().fit(x, 1, y))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("separate the classes perfectly")
                .hasMessageContaining("L2 penalty");
    }

    @Test
    void quasiSeparatedClassesAreReportedAsDivergence() {
        // x < 3 are all 0, x > 3 all 1; only x = 3 holds both classes
        double[] x = {1, 2, 3, 3, 4, 5};
        int[] y = {0, 0, 0, 1, 1, 1};

        assertThatThrownBy(() -> LogisticTrainer.unpenalized().fit(x, 1, y))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("separated");
    }

    @Test
    void anL2PenaltyFitsSeparatedClasses() {
        double[] x = {1, 2, 3, 4, 5, 6};
        int[] y = {0, 0, 0, 1, 1, 1};
        LogisticModel m = LogisticTrainer.l2(1).fit(x, 1, y);

        assertThat(m.converged()).isTrue();
        assertThat(m.coefficients()[0]).isPositive().isFinite();
        assertThat(m.probability(new double[] {6})).isGreaterThan(0.5);
    }

    @Test
    void collinearAndConstantFeaturesAreReportedUnpenalizedButFitWithL2() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 100;
        double[] collinear = new double[n * 2];
        double[] constant = new double[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double v = rnd.nextGaussian();
            collinear[2 * i] = v;
            collinear[2 * i + 1] = 2 * v - 1;
            constant[2 * i] = v;
            constant[2 * i + 1] = 7;
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-v)) ? 1 : 0;
        }

        assertThatThrownBy(() -> LogisticTrainer.unpenalized().fit(collinear, 2, y))
                .isInstanceOf(InsufficientDataException.class).hasMessageContaining("collinear");
        assertThatThrownBy(() -> LogisticTrainer.unpenalized().fit(constant, 2, y))
                .isInstanceOf(InsufficientDataException.class).hasMessageContaining("column 1 is constant");
        assertThat(LogisticTrainer.l2(1).fit(collinear, 2, y).converged()).isTrue();
        assertThat(LogisticTrainer.l2(1).fit(constant, 2, y).converged()).isTrue();
    }

    @Test
    void reportsNonConvergenceWhenStoppedEarly() {
        LogisticModel m = LogisticTrainer.l2(1).withMaxIterations(1).fit(design(), 3, DATA.labels("target"));

        assertThat(m.converged()).isFalse();
        assertThat(m.iterations()).isEqualTo(1);
    }

    @Test
    void rejectsBadInputWithAMessageAndLeavesItUnchanged() {
        double[] x = {1, 2, Double.NaN, 4};
        int[] y = {0, 1, 0, 1};
        double[] w = {1, 1, -1, 1};
        LogisticTrainer t = LogisticTrainer.unpenalized();

        assertThatThrownBy(() -> t.fit(x, 1, y)).isInstanceOf(InputException.class)
                .hasMessageContaining("row 2, column 0 is NaN");
        assertThatThrownBy(() -> t.fit(new double[] {1, 2, 3, 4}, 1, y, w)).isInstanceOf(InputException.class)
                .hasMessageContaining("weights[2]");
        assertThatThrownBy(() -> t.fit(new double[] {1, 2, 3, 4}, 1, new int[] {0, 1, 2, 1}))
                .isInstanceOf(InputException.class).hasMessageContaining("labels[2] must be 0 or 1");
        assertThatThrownBy(() -> t.fit(new double[] {1, 2, 3}, 1, y)).isInstanceOf(InputException.class)
                .hasMessageContaining("labels.length * columns");
        assertThatThrownBy(() -> t.fit(new double[] {1, 2, 3, 4}, 1, new int[] {1, 1, 1, 1}))
                .isInstanceOf(InsufficientDataException.class).hasMessageContaining("both classes");
        assertThatThrownBy(() -> t.fit(new double[0], 1, new int[0]))
                .isInstanceOf(InsufficientDataException.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> t.fit(new double[][] {{1, 2}, {3}}, new int[] {0, 1}))
                .isInstanceOf(InputException.class).hasMessageContaining("rows[1]");
        assertThatThrownBy(() -> LogisticTrainer.l2(-1)).isInstanceOf(InputException.class)
                .hasMessageContaining("lambda");
        assertThat(x[2]).isNaN();
        assertThat(w).containsExactly(1, 1, -1, 1);
    }

    @Test
    void modelSurvivesAJsonRoundTripAndPredictsTheSame() throws Exception {
        ObjectMapper json = new ObjectMapper();
        double[] x = design();
        for (LogisticTrainer t : new LogisticTrainer[] {LogisticTrainer.unpenalized(), LogisticTrainer.l2(1)}) {
            LogisticModel m = t.fit(x, 3, DATA.labels("target"));
            LogisticModel back = json.readValue(json.writeValueAsString(m), LogisticModel.class);

            assertThat(back).isEqualTo(m);
            assertThat(back.probabilities(x)).containsExactly(m.probabilities(x));
        }
    }

    @Test
    void probabilityIsTheLogisticOfTheLinearPredictorAndArraysAreCopied() {
        LogisticModel m = new LogisticModel(0.5, new double[] {2, -1}, Double.NaN, new double[] {Double.NaN, Double.NaN},
                -1, 10, 1, 3, true);

        assertThat(m.linearPredictor(new double[] {1, 3})).isEqualTo(-0.5);
        assertThat(m.probability(new double[] {1, 3})).isCloseTo(1 / (1 + Math.exp(0.5)), within(1e-15));
        assertThat(LogisticModel.sigmoid(-800)).isZero();
        assertThat(LogisticModel.sigmoid(800)).isEqualTo(1.0);
        m.coefficients()[0] = 99;
        assertThat(m.coefficients()[0]).isEqualTo(2);
        assertThatThrownBy(() -> m.probability(new double[] {1})).isInstanceOf(InputException.class)
                .hasMessageContaining("2 values");
    }

    /** Rank-based AUC (Mann-Whitney U / (n1 n0)), ties get mid-ranks. */
    private static double auc(double[] score, int[] y) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && score[order[j]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (y[order[k]] == 1) {
                    rankSumPositives += midRank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = n - positives;
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
