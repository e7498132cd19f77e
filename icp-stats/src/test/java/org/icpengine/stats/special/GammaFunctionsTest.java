package org.icpengine.stats.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GammaFunctionsTest {

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    @Test
    void gammaOfHalfIntegersMatchesClosedForms() {
        // Γ(1/2) = √π, Γ(-1/2) = -2√π, Γ(-3/2) = 4√π/3, Γ(-5/2) = -8√π/15
        double[][] cases = {{0.5, SQRT_PI}, {-0.5, -2 * SQRT_PI}, {-1.5, 4 * SQRT_PI / 3}, {-2.5, -8 * SQRT_PI / 15}};
        for (double[] c : cases) {
            double value = GammaFunctions.signGamma(c[0]) * Math.exp(GammaFunctions.logAbsGamma(c[0]));
            assertThat(value).as("Γ(%s)", c[0]).isCloseTo(c[1], within(1e-14 * Math.abs(c[1])));
        }
    }

    @Test
    void polesHaveInfiniteMagnitudeAndNoSign() {
        for (double x : new double[] {0, -1, -7}) {
            assertThat(GammaFunctions.logAbsGamma(x)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(GammaFunctions.signGamma(x)).isNaN();
            assertThat(GammaFunctions.isNonPositiveInteger(x)).isTrue();
        }
        assertThat(GammaFunctions.isNonPositiveInteger(-0.5)).isFalse();
        assertThat(GammaFunctions.isNonPositiveInteger(2)).isFalse();
        assertThat(GammaFunctions.logAbsGamma(Double.NaN)).isNaN();
    }

    @Test
    void logBetaIsAccurateForUnbalancedArguments() {
        // B(1, n) = 1/n exactly
        assertThat(GammaFunctions.logBeta(1, 1e6)).isCloseTo(-Math.log(1e6), within(1e-12));
        assertThat(GammaFunctions.logBeta(2, 3)).isCloseTo(Math.log(1.0 / 12), within(1e-15));
        assertThat(GammaFunctions.logBeta(-1, 3)).isNaN();
    }

    @Test
    void sinPiIsExactAtIntegersAndHalfIntegers() {
        assertThat(GammaFunctions.sinPi(3)).isEqualTo(0.0);
        assertThat(GammaFunctions.sinPi(-2.5)).isEqualTo(-1.0);
        assertThat(GammaFunctions.sinPi(0.5)).isEqualTo(1.0);
        assertThat(GammaFunctions.sinPi(1.25)).isCloseTo(-Math.sqrt(0.5), within(1e-16));
    }

    @Test
    void digammaMatchesMpmathToFifteenDigits() {
        // mpmath 1.3 digamma
        double[][] cases = {{1, -0.577215664901533}, {2, 0.422784335098467}, {0.5, -1.96351002602142},
            {10, 2.25175258906672}, {49, 3.88158151016259}, {0.3, -3.50252422220013}, {-0.5, 0.0364899739785765},
            {1e-8, -100000000.57721564636}, {1e6, 13.815510057964190771}};
        for (double[] c : cases) {
            assertThat(GammaFunctions.digamma(c[0])).as("ψ(%s)", c[0]).isCloseTo(c[1], within(2e-15 * Math.max(1, Math.abs(c[1]))));
        }
        assertThat(GammaFunctions.digamma(-2)).isNaN();
        assertThat(GammaFunctions.digamma(Double.NaN)).isNaN();
    }
}
