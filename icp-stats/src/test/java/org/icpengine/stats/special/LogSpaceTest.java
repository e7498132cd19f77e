package org.icpengine.stats.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogSpaceTest {

    @Test
    void logSumExpDoesNotOverflowOrUnderflow() {
        assertThat(LogSpace.logSumExp(1000, 1000)).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(LogSpace.logSumExp(-1000, -1001)).isCloseTo(-1000 + Math.log1p(Math.exp(-1)), within(1e-12));
        assertThat(LogSpace.logSumExp(new double[] {800, 800, 800})).isCloseTo(800 + Math.log(3), within(1e-12));
    }

    @Test
    void zeroIsMinusInfinityAndNaNPropagates() {
        double ninf = Double.NEGATIVE_INFINITY;
        assertThat(LogSpace.logSumExp(ninf, ninf)).isEqualTo(ninf);
        assertThat(LogSpace.logSumExp(ninf, 2.0)).isEqualTo(2.0);
        assertThat(LogSpace.logSumExp(new double[0])).isEqualTo(ninf);
        assertThat(LogSpace.logSumExp(Double.NaN, 1)).isNaN();
        assertThat(LogSpace.logDiffExp(3, ninf)).isEqualTo(3.0);
        assertThat(LogSpace.logDiffExp(3, 3)).isEqualTo(ninf);
        assertThat(LogSpace.logDiffExp(2, 3)).isNaN();
    }

    @Test
    void log1mExpIsAccurateOnBothSidesOfLn2() {
        assertThat(LogSpace.log1mExp(-1e-20)).isCloseTo(Math.log(1e-20), within(1e-12));
        assertThat(LogSpace.log1mExp(-50)).isCloseTo(-Math.exp(-50), within(1e-30));
        assertThat(LogSpace.log1mExp(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.log1mExp(0.1)).isNaN();
        assertThat(LogSpace.logDiffExp(Math.log(5), Math.log(2))).isCloseTo(Math.log(3), within(1e-15));
    }

    @Test
    void log1pExpIsAccurateForExtremeArguments() {
        assertThat(LogSpace.log1pExp(800)).isEqualTo(800.0);
        assertThat(LogSpace.log1pExp(-800)).isEqualTo(0.0);
        assertThat(LogSpace.log1pExp(-40)).isCloseTo(Math.exp(-40), within(1e-30));
        assertThat(LogSpace.log1pExp(0)).isCloseTo(Math.log(2), within(1e-16));
    }
}
