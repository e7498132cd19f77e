package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

class ProbabilityScoresTest {

    private final double[] p = {0.9, 0.2, 0.6, 0.5};
    private final boolean[] y = {true, false, false, true};

    @Test
    void brierIsMeanSquaredErrorOfTheProbabilities() {
        // (0.01 + 0.04 + 0.36 + 0.25) / 4
        assertThat(ProbabilityScores.brier(p, y)).isCloseTo(0.165, within(1e-15));
    }

    @Test
    void logLossIsMeanNegativeLogLikelihood() {
        double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.5)) / 4;
        assertThat(ProbabilityScores.logLoss(p, y)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void logLossClipsCertainWrongPredictionsToAFiniteCost() {
        double loss = ProbabilityScores.logLoss(new double[] {0.0, 1.0}, new boolean[] {true, true});
        assertThat(loss).isCloseTo(-Math.log(ProbabilityScores.LOG_LOSS_EPSILON) / 2, within(1e-9));
        assertThat(ProbabilityScores.logLoss(new double[] {1.0, 0.0}, new boolean[] {true, false})).isLessThan(1e-14);
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalOrNaNAreRejected() {
        assertThatThrownBy(() -> ProbabilityScores.brier(new double[] {0.5, 1.2}, new boolean[] {true, false}))
                .isInstanceOf(InputException.class)
                .hasMessage("probabilities[1] must be a probability in [0, 1], got 1.2");
        assertThatThrownBy(() -> ProbabilityScores.logLoss(new double[] {Double.NaN}, new boolean[] {true}))
                .isInstanceOf(InputException.class).hasMessageContaining("probabilities[0]");
        assertThatThrownBy(() -> ProbabilityScores.logLoss(new double[0], new boolean[0]))
                .isInstanceOf(InputException.class).hasMessage("probabilities must not be empty");
    }
}
