package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class MeansTest {

    @Test
    void tIntervalOfOneToFiveWorkedByHand() {
        // mean 3, s = sqrt(2.5), se = 0.707107, t(0.975; 4) = 2.776445 -> half width 1.963243
        Interval ci = Means.interval(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertThat(ci.estimate()).isEqualTo(3.0);
        assertThat(ci.lower()).isCloseTo(3 - 1.963243, within(1e-6));
        assertThat(ci.upper()).isCloseTo(3 + 1.963243, within(1e-6));
    }

    @Test
    void summaryStatisticsGiveTheSameIntervalAsTheValues() {
        double[] v = {10.5, 11.25, 9.75, 12.0, 10.0, 10.5};
        Interval fromValues = Means.interval(v, 0.9);
        double mean = 64.0 / 6;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        Interval fromSummary = Means.interval(6, mean, Math.sqrt(ss / 5), 0.9);
        assertThat(fromValues.lower()).isCloseTo(fromSummary.lower(), within(1e-12));
        assertThat(fromValues.upper()).isCloseTo(fromSummary.upper(), within(1e-12));
    }

    @Test
    void tIntervalApproachesTheNormalIntervalForLargeCounts() {
        Interval ci = Means.interval(1_000_000, 0, 1, 0.95);
        assertThat(ci.upper()).isCloseTo(1.959964 / 1000, within(1e-8));
    }

    @Test
    void constantValuesGiveADegenerateInterval() {
        Interval ci = Means.interval(new double[] {2, 2, 2}, 0.95);
        assertThat(ci.lower()).isEqualTo(2.0);
        assertThat(ci.upper()).isEqualTo(2.0);
    }

    @Test
    void oneValueIsNotEnoughAndNaNIsRejected() {
        assertThatThrownBy(() -> Means.interval(new double[] {1}, 0.95))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessage("an interval for a mean needs at least two values; got 1");
        assertThatThrownBy(() -> Means.interval(new double[0], 0.95)).isInstanceOf(InsufficientDataException.class);
        assertThatThrownBy(() -> Means.interval(new double[] {1, Double.NaN}, 0.95))
                .isInstanceOf(InputException.class).hasMessage("values[1] must be finite, got NaN");
    }
}
