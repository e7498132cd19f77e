package org.icpengine.stats.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HypergeometricTest {

    /** Relative agreement: |actual - expected| <= tol * |expected|. */
    private static void assertRelative(double actual, double expected, double tol) {
        assertThat(actual).isCloseTo(expected, within(tol * Math.abs(expected)));
    }

    /**
     * {a, b, c, z, 2F1}: values computed independently with mpmath 1.3 ({@code hyp2f1}, 40 digits),
     * chosen to exercise every branch: near-integer and integer c - a - b close to z = 1, large
     * parameters (where the connection formulas cancel and the series takes over), negative
     * parameters, z < -1, and the Pareto/NBD form 2F1(1, b; c; z).
     */
    private static final double[][] MPMATH = {
        {0.5, 0.5, 1.00005, 0.999, 3.0815636679512342609},
        {0.5, 0.5, 1.00005, 0.9999999, 6.0110075693494183787},
        {0.5, 0.5, 0.99997, 0.9999999, 6.0143427749232245273},
        {1.3, 0.7, 3.00002, 0.99999, 1.8863809693158612342},
        {1.3, 0.7, 3.0, 0.99999, 1.8863984182310689004},
        {1.3, 0.7, 3.0002, 0.99999, 1.8862239601149268401},
        {30.2, 31.7, 33.1, 0.09, 15.290980818764193268},
        {30.2, 31.7, 63.1, 0.95, 6375487979036.8982783},
        {-0.5, 1.2, -2.5, 0.6, 3.4352158811868923664},
        {1, -2.5, -0.7, 0.8, -2.9772126976591808962},
        {0.24259, -0.2071, 2.2186, -17.7, 1.1735910858684513079},
        {2.5, 1.5, 0.25, -3.0, -0.10629963873228482465},
        {1, 1.267, 1.334, 0.9090909090909091, 9.5957267563595675493},
        {0.3, 0.7, 2.5, 0.999999999, 1.1480180704015945674},
        {5.5, -3.2, 1.7, 0.97, -0.42764786641843915346},
        {0.5, 0.5, 1.0, 0.999999999999, 9.6777766288061004518},
        {2.0, 3.0, 5.0, 0.9999, 80.580816832814682411},
        {2.0, 3.0, 4.00003, 0.99999999, 299850648.26077799121},
        {1.5, 2.5, 1.0, 0.9, 1633.2445337300280735},
        {30.2, 31.7, 62.900000999999996, 0.995, 17633946010046664.923},
        {30.2, 31.7, 62.9, 0.995, 17633978369841142.124},
        {1, 25.553, 27.159, 0.999, 35.252495429585307203},
        {1, 25.553, 27.159, 0.9999999, 43.127431997426211611},
        {1, 1.606, 27.159, 0.9999, 1.0654022576720518057},
        {12.5, 7.25, 20.75, 0.9999999, 79909.485354902759033},
    };

    @Test
    void hyp2f1MatchesMpmathReferenceValuesAcrossAllBranches() {
        for (double[] c : MPMATH) {
            double v = Hypergeometric.hyp2f1(c[0], c[1], c[2], c[3]);
            assertThat(v).as("2F1(%s, %s; %s; %s)", c[0], c[1], c[2], c[3])
                    .isCloseTo(c[4], within(1e-12 * Math.abs(c[4])));
        }
    }

    @Test
    void logHyp2f1StaysFiniteBeyondTheDoubleRange() {
        // 2F1(200, 200; 1.5; 0.5) = 5.83e209 (mpmath); with 800 instead of 200 it overflows a double
        assertRelative(Hypergeometric.logHyp2f1(200, 200, 1.5, 0.5), 483.00289027719825262, 1e-13);
        double big = Hypergeometric.logHyp2f1(800, 800, 1.5, 0.5);
        assertThat(big).isFinite().isGreaterThan(1000);
        assertThat(Hypergeometric.hyp2f1(800, 800, 1.5, 0.5)).isEqualTo(Double.POSITIVE_INFINITY);
        // and a negative value has no real logarithm
        assertThat(Hypergeometric.logHyp2f1(2.5, 1.5, 0.25, -3.0)).isNaN();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-50, -5, -0.9, -0.3, 1e-8, 0.1, 0.5, 0.8, 0.95, 0.999, 1 - 1e-6, 1 - 1e-12})
    void logarithmIdentityHoldsOnTheWholeLine(double z) {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z: c - a - b = 0, the logarithmic case near z = 1
        assertRelative(Hypergeometric.hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-13);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -0.4, 0.3, 0.9, 0.995, 0.999999})
    void integerGapOneIdentityHolds(double z) {
        // 2F1(1, 1; 3; z) = 2 [-ln(1-z)/z + (ln(1-z) + z)/z^2]: c - a - b = 1 (A&S 15.3.11 with m = 1)
        double l = Math.log1p(-z);
        double expected = 2 * (-l / z + (l + z) / (z * z));
        assertRelative(Hypergeometric.hyp2f1(1, 1, 3, z), expected, 1e-11);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.9, 0.99, 0.9999, 0.99999999})
    void arcsineIdentityHoldsNearOne(double x) {
        // 2F1(1/2, 1/2; 3/2; x^2) = arcsin(x) / x
        assertRelative(Hypergeometric.hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x, 1e-13);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2, 10, 1000})
    void arctangentIdentityHoldsForLargeNegativeArguments(double x) {
        // 2F1(1/2, 1; 3/2; -x^2) = arctan(x) / x
        assertRelative(Hypergeometric.hyp2f1(0.5, 1, 1.5, -x * x), Math.atan(x) / x, 1e-13);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.9, 0.999, 1 - 1e-8, 1 - 1e-14})
    void completeEllipticIntegralIsReproduced(double m) {
        // 2F1(1/2, 1/2; 1; m) = 2 K(m) / π, with K from the arithmetic-geometric mean
        double a = 1;
        double g = Math.sqrt(1 - m);
        for (int i = 0; i < 40; i++) {
            double an = 0.5 * (a + g);
            g = Math.sqrt(a * g);
            a = an;
        }
        double k = Math.PI / (2 * a);
        assertRelative(Hypergeometric.hyp2f1(0.5, 0.5, 1, m), 2 * k / Math.PI, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-4, -0.7, 0.2, 0.8, 0.99})
    void binomialIdentityHolds(double z) {
        // 2F1(a, b; b; z) = (1 - z)^-a
        assertRelative(Hypergeometric.hyp2f1(2.5, 1.3, 1.3, z), Math.pow(1 - z, -2.5), 1e-13);
    }

    @Test
    void nearDegenerateValuesAreContinuousInC() {
        // across the switch between the connection formula and the interpolated integer case
        double z = 0.9999999;
        double previous = Double.NaN;
        for (double delta = -3e-4; delta <= 3e-4; delta += 1e-5) {
            double v = Hypergeometric.hyp2f1(0.5, 0.75, 2.25 + delta, z);
            if (!Double.isNaN(previous)) {
                assertThat(Math.abs(v - previous)).isLessThan(1e-3 * Math.abs(v));
            }
            previous = v;
        }
        // and the interpolation agrees with the plain series summed in full (positive terms)
        double direct = Hypergeometric.direct(0.5, 0.75, 1.25 + 3e-5, 0.99999).value();
        assertRelative(Hypergeometric.hyp2f1(0.5, 0.75, 1.25 + 3e-5, 0.99999), direct, 1e-11);
    }

    @Test
    void gaussSumGivesTheValueAtOne() {
        double expected = Math.exp(GammaFunctions.logAbsGamma(2.5) + GammaFunctions.logAbsGamma(1.5)
                - GammaFunctions.logAbsGamma(2.2) - GammaFunctions.logAbsGamma(1.8));
        assertRelative(Hypergeometric.hyp2f1(0.3, 0.7, 2.5, 1), expected, 1e-14);
        assertThat(Hypergeometric.hyp2f1(1, 1, 2, 1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Hypergeometric.hyp2f1(1.2, 1, 2, 1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void terminatingSeriesIsAPolynomial() {
        // 2F1(-3, 2; 4; z) = 1 - 1.5 z + 0.9 z^2 - 0.2 z^3
        for (double z : new double[] {-3, -0.5, 0.5, 1}) {
            double expected = 1 - 1.5 * z + 0.9 * z * z - 0.2 * z * z * z;
            assertThat(Hypergeometric.hyp2f1(-3, 2, 4, z)).isCloseTo(expected, within(1e-14));
        }
        // a non-positive c is fine when the series stops first
        assertThat(Hypergeometric.hyp2f1(-1, 1, -2, 0.5)).isCloseTo(1.25, within(1e-15));
    }

    @Test
    void undefinedArgumentsGiveNaN() {
        assertThat(Hypergeometric.hyp2f1(1, 1, -2, 0.5)).isNaN();
        assertThat(Hypergeometric.hyp2f1(1, 1, 0, 0.5)).isNaN();
        assertThat(Hypergeometric.hyp2f1(1, 1, 2, 1.5)).isNaN();
        assertThat(Hypergeometric.hyp2f1(Double.NaN, 1, 2, 0.5)).isNaN();
        assertThat(Hypergeometric.hyp2f1(1, 1, 2, Double.NaN)).isNaN();
        assertThat(Hypergeometric.hyp2f1(1, 1, 2, Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(Hypergeometric.hyp2f1(3, 1, 2, 0)).isEqualTo(1.0);
    }

    @Test
    void hyp2f1m1KeepsDigitsForTinyArguments() {
        double a = 0.24;
        double b = -0.2;
        double c = 2.2;
        double z = -1e-10;
        double expected = a * b / c * z * (1 + (a + 1) * (b + 1) / (2 * (c + 1)) * z);
        assertRelative(Hypergeometric.hyp2f1m1(a, b, c, z), expected, 1e-14);
        assertRelative(Hypergeometric.hyp2f1m1(1, 1, 2, 0.9), -Math.log1p(-0.9) / 0.9 - 1, 1e-13);
    }
}
