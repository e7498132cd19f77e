package org.icpengine.stats.special;

import static org.icpengine.stats.special.GammaFunctions.isNonPositiveInteger;
import static org.icpengine.stats.special.GammaFunctions.logAbsGamma;
import static org.icpengine.stats.special.GammaFunctions.signGamma;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z) = sum_k (a)_k (b)_k / ((c)_k k!) z^k} for
 * real parameters and real {@code z <= 1}.
 *
 * <p>How it is evaluated (Abramowitz &amp; Stegun, ch. 15; DLMF 15.8):
 * <ul>
 *   <li>{@code z < 0}: Pfaff's transformation {@code (1 - z)^(-a) 2F1(a, c - b; c; z / (z - 1))}
 *       (A&amp;S 15.3.4) maps {@code z} into {@code (0, 1)};</li>
 *   <li>{@code c - a - b < 0}: Euler's transformation {@code (1 - z)^(c-a-b) 2F1(c - a, c - b; c; z)}
 *       (A&amp;S 15.3.3) makes the series converge at {@code z = 1};</li>
 *   <li>{@code 0 < z <= 0.75}, or {@code c - a - b >= 8} (terms then fall off at least like
 *       {@code k^-9}): the power series, summed until the bound on the remaining tail is below
 *       {@code 2^-54} of the sum, with rescaling so that large parameters do not overflow;</li>
 *   <li>{@code 0.75 < z < 1}: the {@code 1 - z} connection formula (A&amp;S 15.3.6), whose series in
 *       {@code 1 - z < 0.25} converge fast; when {@code c - a - b} is an integer the logarithmic
 *       formulas A&amp;S 15.3.10 and 15.3.11 are used, and within {@code 1e-4} of an integer (where the
 *       connection formula cancels) the plain series for {@code z <= 0.99} and otherwise a five-point
 *       interpolation in {@code c} through the exact integer case. Where these formulas would lose more
 *       than six digits to cancellation (large parameters), the power series is summed instead.</li>
 * </ul>
 * Everything is carried as a logarithm and a sign, so values beyond the double range are available
 * from {@link #logHyp2f1}. Against 40-digit references (mpmath) across these branches the relative
 * error is below {@code 2e-13}; since a connection formula is accepted while it loses at most six
 * digits, the worst case is about {@code 1e-10}.
 *
 * <p>Edge cases: {@code 2F1 = 1} at {@code z = 0}; if {@code a} or {@code b} is a non-positive
 * integer the series is a polynomial, evaluated directly. At {@code z = 1} the value is Gauss's sum
 * {@code Γ(c)Γ(c-a-b) / (Γ(c-a)Γ(c-b))} when {@code c - a - b > 0} and an infinity of the appropriate
 * sign otherwise. The result is {@code NaN} when an argument is {@code NaN} or infinite, when
 * {@code z > 1} (the real function has a branch cut there) and when {@code c} is a non-positive
 * integer without an earlier terminating numerator parameter (a pole). An {@link ArithmeticException}
 * is thrown in the rare case that a series needs more than {@value #MAX_TERMS} terms (parameters in
 * the millions).
 *
 * <p>All methods are static and thread-safe.
 */
public final class Hypergeometric {

    /** Upper bound on the terms summed by any one series. */
    public static final int MAX_TERMS = 20_000_000;

    private static final double TOL = 0x1p-54;
    private static final double DIRECT_LIMIT = 0.75;
    private static final double LARGE_GAP = 8.0;
    private static final double NEAR_INTEGER = 1e-4;
    private static final double DIRECT_NEAR_ONE = 0.99;
    private static final double NODE_SPACING = 2e-4;
    private static final double SCALE = 1e280;
    private static final double LOG_SCALE = Math.log(SCALE);
    private static final double LOG_CANCEL = 20 * Math.log(2);
    private static final double EULER_GAMMA = 0.5772156649015329;

    private Hypergeometric() {
    }

    /**
     * {@code 2F1(a, b; c; z)}; see the class comment for the method, accuracy and edge cases.
     *
     * @return the value; {@code ±Infinity} if it exceeds the double range or diverges at {@code z = 1};
     *     {@code NaN} where undefined
     */
    public static double hyp2f1(double a, double b, double c, double z) {
        return eval(a, b, c, z).value();
    }

    /**
     * {@code ln 2F1(a, b; c; z)} for a positive value, without overflow for large parameters;
     * {@code -Infinity} where {@code 2F1 = 0} and {@code NaN} where it is negative or undefined.
     */
    public static double logHyp2f1(double a, double b, double c, double z) {
        Signed s = eval(a, b, c, z);
        if (s.sign > 0) {
            return s.log;
        }
        return s.sign == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }

    /**
     * {@code 2F1(a, b; c; z) - 1}, accurate also when it is tiny (small {@code |z|}), where the
     * subtraction would lose digits. Same edge cases as {@link #hyp2f1}.
     */
    public static double hyp2f1m1(double a, double b, double c, double z) {
        if (Math.abs(z) <= 0.5 && !isNonPositiveInteger(c) && Double.isFinite(a) && Double.isFinite(b)
                && Double.isFinite(c)) {
            double term = a * b / c * z;
            if (Math.abs(term) <= 1) {
                double sum = term;
                int calm = 0;
                double kmin = Math.max(1, Math.max(-a, Math.max(-b, -c)));
                for (int k = 1; k < MAX_TERMS && term != 0; k++) {
                    double ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
                    term *= ratio;
                    sum += term;
                    if (k >= kmin && converged(ratio, z, term, sum)) {
                        if (++calm >= 2) {
                            break;
                        }
                    } else {
                        calm = 0;
                    }
                }
                if (Double.isFinite(sum)) {
                    return sum;
                }
            }
        }
        return hyp2f1(a, b, c, z) - 1.0;
    }

    // ---------------------------------------------------------------- dispatch

    static Signed eval(double a, double b, double c, double z) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c) || !Double.isFinite(z)
                || z > 1) {
            return Signed.NAN;
        }
        boolean terminating = isNonPositiveInteger(a) || isNonPositiveInteger(b);
        if (isNonPositiveInteger(c)) {
            double degree = Math.min(isNonPositiveInteger(a) ? -a : Double.POSITIVE_INFINITY,
                    isNonPositiveInteger(b) ? -b : Double.POSITIVE_INFINITY);
            if (degree > -c) {
                return Signed.NAN;
            }
        }
        if (z == 0) {
            return Signed.ONE;
        }
        if (terminating) {
            return direct(a, b, c, z);
        }
        if (z == 1) {
            return gauss(a, b, c);
        }
        if (z < 0) {
            double w = z / (z - 1.0);
            if (isNonPositiveInteger(c - a) && !isNonPositiveInteger(c - b)) {
                return eval(b, c - a, c, w).times(-b * Math.log1p(-z), 1.0);
            }
            return eval(a, c - b, c, w).times(-a * Math.log1p(-z), 1.0);
        }
        double e = c - a - b;
        if (e < 0) {
            return eval(c - a, c - b, c, z).times(e * Math.log1p(-z), 1.0);
        }
        if (z <= DIRECT_LIMIT || e >= LARGE_GAP) {
            return direct(a, b, c, z);
        }
        double m = Math.rint(e);
        double delta = e - m;
        Signed connected;
        if (Math.abs(delta) >= NEAR_INTEGER) {
            connected = oneMinusZ(a, b, c, z);
        } else if (z <= DIRECT_NEAR_ONE) {
            connected = null;
        } else if (delta == 0) {
            connected = degenerate(a, b, (int) m, z);
        } else {
            connected = interpolate(a, b, (int) m, delta, z);
        }
        // null: the connection formula would cancel (large parameters); the power series always converges
        return connected != null ? connected : direct(a, b, c, z);
    }

    // ---------------------------------------------------------------- pieces

    /** The power series, rescaled to stay in range; a terminating series stops at its last term. */
    static Signed direct(double a, double b, double c, double z) {
        double kmin = Math.max(0, Math.max(-a, Math.max(-b, -c)));
        double term = 1;
        double sum = 1;
        double logScale = 0;
        int calm = 0;
        for (int k = 0; k < MAX_TERMS; k++) {
            double ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
            term *= ratio;
            if (term == 0) {
                return Signed.of(sum, logScale);
            }
            sum += term;
            if (Math.abs(term) > SCALE || Math.abs(sum) > SCALE) {
                term /= SCALE;
                sum /= SCALE;
                logScale += LOG_SCALE;
            }
            if (k >= kmin && converged(ratio, z, term, sum)) {
                if (++calm >= 2) {
                    return Signed.of(sum, logScale);
                }
            } else {
                calm = 0;
            }
        }
        throw notConverged(a, b, c, z);
    }

    /** Whether the tail after {@code term}, bounded by a geometric series, is negligible. */
    private static boolean converged(double ratio, double z, double term, double sum) {
        double q = Math.max(Math.abs(ratio), Math.abs(z));
        return q < 1 && Math.abs(term) * q <= TOL * (1 - q) * Math.abs(sum);
    }

    /** Gauss's sum at {@code z = 1} (A&amp;S 15.1.20); an infinity when the series diverges. */
    private static Signed gauss(double a, double b, double c) {
        double e = c - a - b;
        if (e > 0) {
            if (isNonPositiveInteger(c - a) || isNonPositiveInteger(c - b)) {
                return Signed.ZERO;
            }
            return new Signed(logAbsGamma(c) + logAbsGamma(e) - logAbsGamma(c - a) - logAbsGamma(c - b),
                    signGamma(c) * signGamma(e) * signGamma(c - a) * signGamma(c - b));
        }
        // divergent: the sign of the leading term of A&S 15.3.6 / 15.3.10
        double sign = signGamma(c) * signGamma(a) * signGamma(b) * (e < 0 ? signGamma(-e) : 1.0);
        return new Signed(Double.POSITIVE_INFINITY, sign);
    }

    /** A&amp;S 15.3.6, for {@code c - a - b} not an integer; {@code null} if its two terms cancel. */
    static Signed oneMinusZ(double a, double b, double c, double z) {
        double w = 1.0 - z;
        double e = c - a - b;
        Signed first = Signed.ZERO;
        if (!isNonPositiveInteger(c - a) && !isNonPositiveInteger(c - b)) {
            first = direct(a, b, 1.0 - e, w).times(
                    logAbsGamma(c) + logAbsGamma(e) - logAbsGamma(c - a) - logAbsGamma(c - b),
                    signGamma(c) * signGamma(e) * signGamma(c - a) * signGamma(c - b));
        }
        Signed second = direct(c - a, c - b, 1.0 + e, w).times(
                e * Math.log(w) + logAbsGamma(c) + logAbsGamma(-e) - logAbsGamma(a) - logAbsGamma(b),
                signGamma(c) * signGamma(-e) * signGamma(a) * signGamma(b));
        return sumUnlessCancelling(first, second);
    }

    /** {@code x + y}, or {@code null} when more than {@code 2^20} of relative accuracy would be lost. */
    private static Signed sumUnlessCancelling(Signed x, Signed y) {
        Signed sum = Signed.sum(x, y);
        double largest = Math.max(x.log, y.log);
        return largest - sum.log > LOG_CANCEL ? null : sum;
    }

    /**
     * A&amp;S 15.3.10 ({@code m = 0}) and 15.3.11 ({@code m >= 1}) for {@code c = a + b + m}, neither
     * {@code a} nor {@code b} a non-positive integer; {@code null} if the terms cancel.
     */
    static Signed degenerate(double a, double b, int m, double z) {
        double w = 1.0 - z;
        double lw = Math.log(w);
        double c = a + b + m;
        if (m == 0) {
            // Γ(a+b)/(Γ(a)Γ(b)) Σ (a)_n (b)_n / (n!)^2 [2ψ(n+1) - ψ(a+n) - ψ(b+n) - ln w] w^n
            double psi1 = -EULER_GAMMA;
            double psiA = GammaFunctions.digamma(a);
            double psiB = GammaFunctions.digamma(b);
            Signed s = logSeries(a, b, 0, w, psi1, psi1, psiA, psiB, lw, true);
            if (s == null) {
                return null;
            }
            return s.times(logAbsGamma(c) - logAbsGamma(a) - logAbsGamma(b),
                    signGamma(c) * signGamma(a) * signGamma(b));
        }
        // finite part: Γ(m)Γ(a+b+m)/(Γ(a+m)Γ(b+m)) Σ_{n<m} (a)_n (b)_n / (n! (1-m)_n) w^n
        double term = 1;
        double finite = 1;
        for (int n = 0; n < m - 1; n++) {
            term *= (a + n) * (b + n) / ((n + 1.0) * (1.0 - m + n)) * w;
            finite += term;
        }
        Signed first = Signed.of(finite, 0).times(
                logAbsGamma(m) + logAbsGamma(c) - logAbsGamma(a + m) - logAbsGamma(b + m),
                signGamma(c) * signGamma(a + m) * signGamma(b + m));
        // -(z-1)^m Γ(a+b+m)/(Γ(a)Γ(b)) Σ (a+m)_n (b+m)_n / (n! (n+m)!) w^n
        //     [ln w - ψ(n+1) - ψ(n+m+1) + ψ(a+n+m) + ψ(b+n+m)]
        double psi1 = -EULER_GAMMA;
        double psiM = -EULER_GAMMA;
        for (int j = 1; j <= m; j++) {
            psiM += 1.0 / j;
        }
        Signed series = logSeries(a + m, b + m, m, w, psi1, psiM, GammaFunctions.digamma(a + m),
                GammaFunctions.digamma(b + m), lw, false);
        if (series == null) {
            return null;
        }
        double sign = -((m % 2 == 0) ? 1.0 : -1.0) * signGamma(c) * signGamma(a) * signGamma(b);
        Signed second = series.times(
                m * lw + logAbsGamma(c) - logAbsGamma(a) - logAbsGamma(b) - logAbsGamma(m + 1.0), sign);
        return sumUnlessCancelling(first, second);
    }

    /**
     * {@code Σ_n (p)_n (q)_n / (n! (m+1)_n) w^n · B_n} with
     * {@code B_n = 2ψ(n+1) - ψ(p+n) - ψ(q+n) - ln w} ({@code zeroCase}) or
     * {@code B_n = ln w - ψ(n+1) - ψ(n+m+1) + ψ(p+n) + ψ(q+n)}; the digammas are advanced by recurrence.
     * {@code null} if its terms cancel.
     */
    private static Signed logSeries(double p, double q, int m, double w, double psiN1, double psiNM1,
            double psiP, double psiQ, double lw, boolean zeroCase) {
        double kmin = Math.max(0, Math.max(-p, -q));
        double coef = 1;
        double sum = 0;
        double logScale = 0;
        double largest = 0;
        int calm = 0;
        for (int n = 0; n < MAX_TERMS; n++) {
            double bracket = zeroCase
                    ? 2 * psiN1 - psiP - psiQ - lw
                    : lw - psiN1 - psiNM1 + psiP + psiQ;
            double term = coef * bracket;
            sum += term;
            largest = Math.max(largest, Math.abs(term));
            double ratio = (p + n) * (q + n) / ((n + 1.0) * (n + m + 1.0)) * w;
            if (Math.abs(sum) > SCALE || Math.abs(coef) > SCALE) {
                coef /= SCALE;
                sum /= SCALE;
                largest /= SCALE;
                logScale += LOG_SCALE;
            }
            // the bracket grows only like ln n: bound the tail by the coefficient times max(|B_n|, 1)
            if (n >= kmin && converged(ratio, w, Math.abs(coef) * Math.max(Math.abs(bracket), 1.0), sum)) {
                if (++calm >= 2) {
                    return Math.log(largest) - Math.log(Math.abs(sum)) > LOG_CANCEL ? null : Signed.of(sum, logScale);
                }
            } else {
                calm = 0;
            }
            psiN1 += 1.0 / (n + 1.0);
            psiNM1 += 1.0 / (n + m + 1.0);
            psiP += 1.0 / (p + n);
            psiQ += 1.0 / (q + n);
            coef *= ratio;
            if (coef == 0) {
                return Math.log(largest) - Math.log(Math.abs(sum)) > LOG_CANCEL ? null : Signed.of(sum, logScale);
            }
        }
        throw new ArithmeticException("2F1: logarithmic series did not converge");
    }

    /**
     * Five-point Lagrange interpolation in {@code c} through {@code c = a + b + m + k h},
     * {@code k = -2..2}: the exact integer case at {@code k = 0}, the connection formula elsewhere
     * (there {@code c - a - b} is at least {@code h} from an integer, so it loses at most four digits).
     */
    private static Signed interpolate(double a, double b, int m, double delta, double z) {
        double h = NODE_SPACING;
        Signed[] f = new Signed[5];
        double ref = Double.NEGATIVE_INFINITY;
        for (int k = -2; k <= 2; k++) {
            Signed v = k == 0 ? degenerate(a, b, m, z) : oneMinusZ(a, b, a + b + m + k * h, z);
            if (v == null) {
                return null;
            }
            if (Double.isNaN(v.log) || Double.isNaN(v.sign)) {
                return Signed.NAN;
            }
            f[k + 2] = v;
            ref = Math.max(ref, v.log);
        }
        if (ref == Double.NEGATIVE_INFINITY) {
            return Signed.ZERO;
        }
        double result = 0;
        for (int i = 0; i < 5; i++) {
            double xi = (i - 2) * h;
            double basis = 1;
            for (int j = 0; j < 5; j++) {
                if (j != i) {
                    double xj = (j - 2) * h;
                    basis *= (delta - xj) / (xi - xj);
                }
            }
            result += basis * f[i].sign * Math.exp(f[i].log - ref);
        }
        return Signed.of(result, ref);
    }

    private static ArithmeticException notConverged(double a, double b, double c, double z) {
        return new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z
                + "): series did not converge in " + MAX_TERMS + " terms");
    }

    /** A real number as {@code sign * exp(log)}; {@code sign} is 0 for zero and NaN for NaN. */
    static final class Signed {
        static final Signed ONE = new Signed(0, 1);
        static final Signed ZERO = new Signed(Double.NEGATIVE_INFINITY, 0);
        static final Signed NAN = new Signed(Double.NaN, Double.NaN);

        final double log;
        final double sign;

        Signed(double log, double sign) {
            this.log = log;
            this.sign = sign;
        }

        /** {@code value * exp(logScale)}. */
        static Signed of(double value, double logScale) {
            if (Double.isNaN(value)) {
                return NAN;
            }
            if (value == 0) {
                return ZERO;
            }
            return new Signed(Math.log(Math.abs(value)) + logScale, Math.signum(value));
        }

        Signed times(double logFactor, double signFactor) {
            if (sign == 0) {
                return Double.isNaN(logFactor) || Double.isNaN(signFactor) ? NAN : ZERO;
            }
            return new Signed(log + logFactor, sign * signFactor);
        }

        static Signed sum(Signed x, Signed y) {
            if (Double.isNaN(x.sign) || Double.isNaN(y.sign) || Double.isNaN(x.log) || Double.isNaN(y.log)) {
                return NAN;
            }
            if (x.sign == 0) {
                return y;
            }
            if (y.sign == 0) {
                return x;
            }
            if (x.sign == y.sign) {
                return new Signed(LogSpace.logSumExp(x.log, y.log), x.sign);
            }
            Signed hi = x.log >= y.log ? x : y;
            Signed lo = hi == x ? y : x;
            if (hi.log == lo.log) {
                return ZERO;
            }
            return new Signed(LogSpace.logDiffExp(hi.log, lo.log), hi.sign);
        }

        double value() {
            if (Double.isNaN(sign) || Double.isNaN(log)) {
                return Double.NaN;
            }
            return sign == 0 ? 0.0 : sign * Math.exp(log);
        }
    }
}
