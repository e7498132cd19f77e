package org.icpengine.stats.special;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The gamma function on the whole real line, held as a magnitude logarithm and a sign, so that
 * ratios of gamma functions with negative arguments (as in the connection formulas of {@code 2F1})
 * can be formed without overflow.
 *
 * <p>For positive arguments this delegates to Hipparchus {@link Gamma#logGamma(double)}; negative
 * non-integer arguments use the reflection formula {@code Γ(x) Γ(1 - x) = π / sin(πx)}
 * (Abramowitz &amp; Stegun 6.1.17). At the poles {@code x = 0, -1, -2, ...} the magnitude is
 * {@code +Infinity} and the sign is {@code NaN}; a {@code NaN} argument gives {@code NaN}.
 */
public final class GammaFunctions {

    private static final double LOG_PI = Math.log(Math.PI);

    private GammaFunctions() {
    }

    /** {@code ln|Γ(x)|}; {@code +Infinity} at the poles {@code x = 0, -1, -2, ...}. */
    public static double logAbsGamma(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x > 0) {
            return Gamma.logGamma(x);
        }
        if (isNonPositiveInteger(x)) {
            return Double.POSITIVE_INFINITY;
        }
        // reflection; Γ(1 - x) has a positive argument here
        return LOG_PI - Math.log(Math.abs(sinPi(x))) - Gamma.logGamma(1.0 - x);
    }

    /** The sign of {@code Γ(x)}: {@code +1} for {@code x > 0}, {@code ±1} alternating below; {@code NaN} at poles. */
    public static double signGamma(double x) {
        if (Double.isNaN(x) || isNonPositiveInteger(x)) {
            return Double.NaN;
        }
        if (x > 0) {
            return 1.0;
        }
        // Γ is negative on (-1, 0), positive on (-2, -1), ...
        return ((long) Math.floor(x)) % 2 == 0 ? 1.0 : -1.0;
    }

    /**
     * {@code ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b)} for {@code a, b > 0} (Hipparchus
     * {@link Beta#logBeta(double, double)}, accurate when one argument is much larger than the other);
     * {@code NaN} otherwise.
     */
    public static double logBeta(double a, double b) {
        if (!(a > 0) || !(b > 0)) {
            return Double.NaN;
        }
        return Beta.logBeta(a, b);
    }

    /**
     * The digamma function {@code ψ(x) = d ln Γ(x) / dx}, to about {@code 1e-15} relative (absolute near
     * its root 1.4616...): the recurrence {@code ψ(x) = ψ(x + 1) - 1/x} up to {@code x >= 10}, then the
     * asymptotic series (A&amp;S 6.3.18); negative arguments by reflection,
     * {@code ψ(x) = ψ(1 - x) - π cot(πx)} (A&amp;S 6.3.7). {@code NaN} at the poles
     * {@code 0, -1, -2, ...} and for {@code NaN}. (Hipparchus {@code Gamma.digamma} is accurate only to
     * about {@code 1e-9}, not enough for the logarithmic cases of {@code 2F1}.)
     */
    public static double digamma(double x) {
        if (Double.isNaN(x) || isNonPositiveInteger(x) || x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x < 0) {
            return digamma(1.0 - x) - Math.PI * cosPi(x) / sinPi(x);
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        double shift = 0;
        while (x < 10) {
            shift += 1.0 / x;
            x += 1;
        }
        double inv2 = 1.0 / (x * x);
        // Bernoulli terms B_2k / (2k x^2k), k = 1..7
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
        return Math.log(x) - 0.5 / x - series - shift;
    }

    /** Whether {@code x} is one of {@code 0, -1, -2, ...} (a pole of Γ, a terminating Pochhammer symbol). */
    public static boolean isNonPositiveInteger(double x) {
        return x <= 0 && x == Math.rint(x);
    }

    /** {@code cos(πx)}, exact at integers and half-integers. */
    static double cosPi(double x) {
        return sinPi(x + 0.5);
    }

    /** {@code sin(πx)}, exact at integers and half-integers (argument reduced before multiplying by π). */
    static double sinPi(double x) {
        double r = x % 2.0;
        if (r < 0) {
            r += 2.0;
        }
        if (r <= 0.5) {
            return Math.sin(Math.PI * r);
        }
        if (r <= 1.5) {
            return Math.sin(Math.PI * (1.0 - r));
        }
        return Math.sin(Math.PI * (r - 2.0));
    }
}
