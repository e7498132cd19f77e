package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void replicatesAreDeterministicGivenTheSeed() {
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        Bootstrap.Statistic mean = idx -> {
            double s = 0;
            for (int i : idx) {
                s += x[i];
            }
            return s / idx.length;
        };
        assertThat(Bootstrap.replicates(x.length, 50, 42, mean)).containsExactly(Bootstrap.replicates(x.length, 50, 42, mean));
        assertThat(Bootstrap.replicates(x.length, 50, 43, mean)).isNotEqualTo(Bootstrap.replicates(x.length, 50, 42, mean));
    }

    @Test
    void percentileIntervalOfAMeanAgreesWithTheTInterval() {
        SplittableRandom rng = new SplittableRandom(8);
        double[] x = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + 2 * rng.nextGaussian();
        }
        Interval boot = Bootstrap.interval(x.length, idx -> {
            double s = 0;
            for (int i : idx) {
                s += x[i];
            }
            return s / idx.length;
        }, 0.95, 2000, 1);
        Interval t = Means.interval(x, 0.95);
        assertThat(boot.estimate()).isCloseTo(t.estimate(), within(1e-12));
        assertThat(boot.lower()).isCloseTo(t.lower(), within(0.1 * t.width()));
        assertThat(boot.upper()).isCloseTo(t.upper(), within(0.1 * t.width()));
    }

    @Test
    void percentileIntervalInterpolatesBetweenOrderStatistics() {
        double[] reps = {5, 1, 4, 2, 3}; // sorted 1..5; 10 % -> 1.4, 90 % -> 4.6
        Interval ci = Bootstrap.percentileInterval(3, reps, 0.8);
        assertThat(ci.lower()).isCloseTo(1.4, within(1e-12));
        assertThat(ci.upper()).isCloseTo(4.6, within(1e-12));
        assertThat(reps).containsExactly(5, 1, 4, 2, 3);
    }

    @Test
    void aStatisticThatReturnsNaNIsReported() {
        assertThatThrownBy(() -> Bootstrap.replicates(3, 5, 0, idx -> Double.NaN))
                .isInstanceOf(InputException.class).hasMessage("bootstrap statistic returned NaN on replicate 0");
        assertThatThrownBy(() -> Bootstrap.replicates(0, 5, 0, idx -> 0))
                .isInstanceOf(InputException.class).hasMessage("sampleSize must be >= 1, got 0");
    }
}
