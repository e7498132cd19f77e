package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void wilsonForEightOfTenMatchesTheClosedFormWorkedByHand() {
        // z = 1.959964, z^2 = 3.841459; centre = (0.8 + 0.192073) / 1.384146 = 0.716740
        // half = 1.959964 / 1.384146 * sqrt(0.016 + 0.009604) = 1.416010 * 0.160011 = 0.226578
        // -> [0.490162, 0.943318]
        Interval ci = Proportions.wilson(8, 10, 0.95);
        assertThat(ci.estimate()).isEqualTo(0.8);
        assertThat(ci.lower()).isCloseTo(0.490162, within(2e-6));
        assertThat(ci.upper()).isCloseTo(0.943318, within(2e-6));
    }

    @Test
    void wilsonBoundsAreTheRootsOfTheScoreEquation() {
        // Wilson's interval is {p : (phat - p)^2 <= z^2 p (1 - p) / n}; both bounds solve it with equality
        double z = 1.6448536269514722; // two-sided 90 %
        long[][] cases = {{3, 17}, {40, 55}, {1, 1000}, {999, 1000}};
        for (long[] c : cases) {
            Interval ci = Proportions.wilson(c[0], c[1], 0.90);
            double phat = (double) c[0] / c[1];
            for (double p : new double[] {ci.lower(), ci.upper()}) {
                assertThat((phat - p) * (phat - p)).isCloseTo(z * z * p * (1 - p) / c[1], within(1e-12));
            }
        }
    }

    @Test
    void wilsonAtZeroAndAllSuccessesTouchesTheBoundary() {
        Interval none = Proportions.wilson(0, 10, 0.95);
        assertThat(none.lower()).isEqualTo(0.0);
        assertThat(none.upper()).isCloseTo(3.841459 / (10 + 3.841459), within(1e-6));
        Interval all = Proportions.wilson(10, 10, 0.95);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isCloseTo(10 / (10 + 3.841459), within(1e-6));
    }

    @Test
    void wilsonRejectsImpossibleCountsAndNeedsATrial() {
        assertThatThrownBy(() -> Proportions.wilson(0, 0, 0.95))
                .isInstanceOf(InsufficientDataException.class).hasMessage("a proportion needs at least one trial; got 0");
        assertThatThrownBy(() -> Proportions.wilson(5, 4, 0.95))
                .isInstanceOf(InputException.class).hasMessage("successes must be in [0, trials = 4], got 5");
        assertThatThrownBy(() -> Proportions.wilson(1, 4, 0))
                .isInstanceOf(InputException.class).hasMessage("level must be in (0, 1), got 0.0");
    }
}
