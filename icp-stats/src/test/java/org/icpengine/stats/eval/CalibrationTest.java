package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void uniformBinsReportMeanPredictionObservedRateAndCountAndSkipEmptyBins() {
        double[] p = {0.05, 0.15, 0.12, 0.95, 1.0, 0.5};
        boolean[] y = {false, true, false, true, true, false};
        List<CalibrationBin> bins = Calibration.uniformBins(p, y, 4);
        // [0, .25): 0.05 0.15 0.12 ; [.5, .75): 0.5 ; [.75, 1]: 0.95 1.0 ; [.25, .5) empty
        assertThat(bins).hasSize(3);
        assertThat(bins.get(0)).isEqualTo(new CalibrationBin(0, 0.25, 3, 1, (0.05 + 0.15 + 0.12) / 3, 1.0 / 3));
        assertThat(bins.get(1).lower()).isEqualTo(0.5);
        assertThat(bins.get(1).count()).isEqualTo(1);
        assertThat(bins.get(2).upper()).isEqualTo(1.0);
        assertThat(bins.get(2).count()).isEqualTo(2);
        assertThat(bins.get(2).meanPredicted()).isCloseTo(0.975, within(1e-15));
        assertThat(bins.get(2).observedRate()).isEqualTo(1.0);
    }

    @Test
    void quantileBinsHoldEqualCounts() {
        double[] p = new double[100];
        boolean[] y = new boolean[100];
        for (int i = 0; i < 100; i++) {
            p[i] = (i + 0.5) / 100;
            y[i] = i % 3 == 0;
        }
        List<CalibrationBin> bins = Calibration.quantileBins(p, y, 5);
        assertThat(bins).hasSize(5).allSatisfy(b -> assertThat(b.count()).isEqualTo(20));
        assertThat(bins.get(0).lower()).isEqualTo(0.0);
        assertThat(bins.get(4).upper()).isEqualTo(1.0);
        assertThat(bins.get(1).lower()).isEqualTo(p[20]);
    }

    @Test
    void calibrationRejectsNonProbabilities() {
        assertThatThrownBy(() -> Calibration.uniformBins(new double[] {-0.1}, new boolean[] {true}, 10))
                .isInstanceOf(InputException.class).hasMessageContaining("probabilities[0]");
        assertThatThrownBy(() -> Calibration.uniformBins(new double[] {0.1}, new boolean[] {true}, 0))
                .isInstanceOf(InputException.class).hasMessage("bins must be >= 1, got 0");
    }
}
