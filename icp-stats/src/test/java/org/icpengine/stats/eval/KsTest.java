package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class KsTest {

    static double bruteForceKs(double[] s, boolean[] y) {
        int m = 0;
        for (boolean b : y) {
            m += b ? 1 : 0;
        }
        int n = y.length - m;
        double best = 0;
        for (double t : s) { // the empirical CDFs only change at observed scores
            int p = 0;
            int q = 0;
            for (int i = 0; i < s.length; i++) {
                if (s[i] <= t) {
                    if (y[i]) {
                        p++;
                    } else {
                        q++;
                    }
                }
            }
            best = Math.max(best, Math.abs((double) p / m - (double) q / n));
        }
        return best;
    }

    @Test
    void ksEqualsMaximumGapOfEmpiricalCdfsOnRandomTiedData() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int trial = 0; trial < 30; trial++) {
            boolean[] y = AucTest.labels(rng, 10 + rng.nextInt(200), 0.5);
            y[0] = true;
            y[1] = false;
            double[] s = AucTest.tiedScores(rng, y);
            assertThat(Ks.statistic(s, y)).isCloseTo(bruteForceKs(s, y), within(1e-12));
        }
    }

    @Test
    void ksIsOneUnderPerfectSeparationAndZeroWhenAllTie() {
        boolean[] y = {true, true, false, false};
        assertThat(Ks.statistic(new double[] {3, 4, 1, 2}, y)).isEqualTo(1.0);
        assertThat(Ks.statistic(new double[] {1, 2, 3, 4}, y)).isEqualTo(1.0);
        assertThat(Ks.statistic(new double[] {2, 2, 2, 2}, y)).isEqualTo(0.0);
    }

    @Test
    void ksNeedsBothClasses() {
        assertThatThrownBy(() -> Ks.statistic(new double[] {1}, new boolean[] {false}))
                .isInstanceOf(InsufficientDataException.class).hasMessageContaining("KS statistic needs");
    }
}
