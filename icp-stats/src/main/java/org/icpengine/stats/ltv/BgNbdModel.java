package org.icpengine.stats.ltv;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;
import org.icpengine.stats.internal.Validate;
import org.icpengine.stats.special.GammaFunctions;
import org.icpengine.stats.special.Hypergeometric;
import org.icpengine.stats.special.LogSpace;

/**
 * A beta-geometric/negative-binomial (BG/NBD) model of repeat purchasing in a non-contractual setting
 * (Fader, Hardie &amp; Lee 2005, "'Counting Your Customers' the Easy Way: An Alternative to the
 * Pareto/NBD Model", Marketing Science 24(2)).
 *
 * <p>While active, a customer buys as a Poisson process with rate {@code λ ~ Gamma(r, alpha)} (shape
 * {@code r}, rate {@code alpha}, so {@code alpha} is in units of time); after each purchase the
 * customer drops out with probability {@code p ~ Beta(a, b)}. A customer is summarised by
 * {@code x} (repeat purchases in {@code (0, T]}), {@code t_x} (time of the last one, 0 if
 * {@code x = 0}) and {@code T} (time since the first purchase), in one time unit throughout.
 *
 * <p>Predictions:
 * <ul>
 *   <li>{@link #expectedPurchases}: {@code E[X(t)]} for a new customer, FHL eq. (9);</li>
 *   <li>{@link #conditionalExpectedPurchases}: {@code E[Y(t) | x, t_x, T]}, purchases in the next
 *       {@code t}, FHL eq. (10);</li>
 *   <li>{@link #probabilityAlive}: {@code P(active | x, t_x, T)}, from Fader, Hardie &amp; Lee's
 *       note "Computing P(alive) Using the BG/NBD Model";</li>
 *   <li>{@link #probabilityOfPurchases}: {@code P(X(t) = n)}, FHL eq. (8).</li>
 * </ul>
 * The hypergeometric functions of eqs. (9) and (10) are evaluated after Pfaff's transformation,
 * {@code (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t)) = 2F1(r, a-1; a+b-1; -t/alpha)}, which
 * keeps them in range for customers with many purchases. The formulas are singular (0/0) at
 * {@code a = 1}, and for a new customer where {@code a + b - 1} is a non-positive integer; there the
 * limit is taken as the mean of the values at {@code a} (or {@code b}) {@code ± 1e-5}, accurate to
 * about {@code 1e-9} relative.
 *
 * <p>Instances are immutable and thread-safe; they serialize to JSON as their six components.
 *
 * @param r shape of the purchase-rate distribution, finite, {@code > 0}
 * @param alpha rate (inverse time scale) of the purchase-rate distribution, finite, {@code > 0}
 * @param a first shape of the dropout-probability distribution, finite, {@code > 0}
 * @param b second shape of the dropout-probability distribution, finite, {@code > 0}
 * @param logLikelihood the maximised log-likelihood, FHL eq. (6) summed over the customers (a density
 *     in {@code t_x}, so it depends on the time unit); {@code NaN} for a model built with {@link #of}
 * @param observations the number of customers in the fit; 0 for {@link #of}
 */
public record BgNbdModel(double r, double alpha, double a, double b, double logLikelihood, long observations) {

    private static final double SINGULAR = 1e-7;
    private static final double STEP = 1e-5;

    /** Validates the parameters; throws {@link org.icpengine.errors.InputException} on bad values. */
    public BgNbdModel {
        Validate.positive(r, "r");
        Validate.positive(alpha, "alpha");
        Validate.positive(a, "a");
        Validate.positive(b, "b");
        Validate.isTrue(observations >= 0, "observations must be >= 0, got " + observations);
        Validate.isTrue(observations == 0 ? !Double.isInfinite(logLikelihood) : Double.isFinite(logLikelihood),
                "logLikelihood must be finite (NaN only for an unfitted model), got " + logLikelihood);
    }

    /** A model with the given parameters and no fit behind it ({@code logLikelihood} NaN, 0 observations). */
    public static BgNbdModel of(double r, double alpha, double a, double b) {
        return new BgNbdModel(r, alpha, a, b, Double.NaN, 0);
    }

    /**
     * The log-likelihood of one customer's summary, FHL eq. (6):
     * {@code L = B(a, b+x)/B(a, b) Γ(r+x) alpha^r / (Γ(r) (alpha+T)^(r+x))
     * + [x > 0] B(a+1, b+x-1)/B(a, b) Γ(r+x) alpha^r / (Γ(r) (alpha+t_x)^(r+x))}.
     *
     * @throws org.icpengine.errors.InputException on an invalid summary (see {@link BgNbdTrainer#fit})
     */
    public double customerLogLikelihood(int x, double tx, double t) {
        RfmData.checkCustomer(x, tx, t, -1, false);
        double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + GammaFunctions.logBeta(a, b + x) - GammaFunctions.logBeta(a, b);
        double first = -(r + x) * Math.log(alpha + t);
        if (x == 0) {
            return common + first;
        }
        double second = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        return common + LogSpace.logSumExp(first, second);
    }

    /**
     * The expected number of purchases of a new customer in {@code (0, t]}, FHL eq. (9):
     * {@code E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]}.
     *
     * @param t length of the period, finite and {@code >= 0}; 0 gives 0
     * @throws org.icpengine.errors.InputException on a negative, infinite or NaN {@code t}
     */
    public double expectedPurchases(double t) {
        Validate.nonNegative(t, "t");
        return t == 0 ? 0.0 : expected(r, alpha, a, b, t);
    }

    /**
     * The expected number of purchases in the next {@code t} of a customer with summary
     * {@code (x, t_x, T)}, FHL eq. (10):
     * {@code E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
     * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] / [1 + [x > 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)]}.
     *
     * @param t length of the future period, finite and {@code >= 0}
     * @param x repeat purchases, {@code >= 0}
     * @param tx time of the last purchase, in {@code [0, T]}, 0 when {@code x = 0}
     * @param t0 length of observation {@code T}, finite and {@code >= 0} (0: a customer just acquired,
     *     for whom this equals {@link #expectedPurchases})
     * @throws org.icpengine.errors.InputException on an invalid argument
     */
    public double conditionalExpectedPurchases(double t, int x, double tx, double t0) {
        Validate.nonNegative(t, "t");
        RfmData.checkCustomer(x, tx, t0, -1, true);
        if (t == 0) {
            return 0.0;
        }
        return expected(r + x, alpha + t0, a, b + x, t) * Math.exp(logProbabilityAlive(x, tx, t0));
    }

    /** {@link #conditionalExpectedPurchases(double, int, double, double)} for each customer. */
    public double[] conditionalExpectedPurchases(double t, int[] x, double[] tx, double[] t0) {
        int n = lengths(x, tx, t0);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = conditionalExpectedPurchases(t, x[i], tx[i], t0[i]);
        }
        return out;
    }

    /**
     * The probability that a customer with summary {@code (x, t_x, T)} is still active at {@code T}:
     * {@code 1 / (1 + [x > 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))}. It is 1 for {@code x = 0}
     * (the model lets customers drop out only after a purchase).
     *
     * @throws org.icpengine.errors.InputException on an invalid summary ({@code T >= 0} allowed)
     */
    public double probabilityAlive(int x, double tx, double t) {
        RfmData.checkCustomer(x, tx, t, -1, true);
        return Math.exp(logProbabilityAlive(x, tx, t));
    }

    /** {@link #probabilityAlive(int, double, double)} for each customer. */
    public double[] probabilityAlive(int[] x, double[] tx, double[] t) {
        int n = lengths(x, tx, t);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = probabilityAlive(x[i], tx[i], t[i]);
        }
        return out;
    }

    /**
     * The probability that a new customer makes exactly {@code n} purchases in {@code (0, t]}, FHL
     * eq. (8):
     * {@code B(a, b+n)/B(a, b) Γ(r+n)/(Γ(r) n!) (alpha/(alpha+t))^r (t/(alpha+t))^n
     * + [n > 0] B(a+1, b+n-1)/B(a, b) [1 - (alpha/(alpha+t))^r sum_{j<n} Γ(r+j)/(Γ(r) j!) (t/(alpha+t))^j]};
     * the bracket, a negative-binomial tail, is computed as the regularized incomplete beta
     * {@code I_{t/(alpha+t)}(n, r)} so that it keeps its digits when small.
     *
     * @throws org.icpengine.errors.InputException if {@code n < 0} or {@code t} is negative, infinite or NaN
     */
    public double probabilityOfPurchases(int n, double t) {
        Validate.isTrue(n >= 0, "n must be >= 0, got " + n);
        Validate.nonNegative(t, "t");
        if (t == 0) {
            return n == 0 ? 1.0 : 0.0;
        }
        double logB = GammaFunctions.logBeta(a, b);
        double logP = -r * Math.log1p(t / alpha);
        double logQ = Math.log(t / (alpha + t));
        double first = Math.exp(GammaFunctions.logBeta(a, b + n) - logB + Gamma.logGamma(r + n) - Gamma.logGamma(r)
                - Gamma.logGamma(n + 1.0) + logP + n * logQ);
        if (n == 0) {
            return first;
        }
        double tail = Beta.regularizedBeta(t / (alpha + t), n, r);
        return first + Math.exp(GammaFunctions.logBeta(a + 1, b + n - 1) - logB) * tail;
    }

    /** ln P(alive | x, t_x, T). */
    private double logProbabilityAlive(int x, double tx, double t) {
        if (x == 0) {
            return 0.0;
        }
        double odds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((t - tx) / (alpha + tx));
        return -LogSpace.log1pExp(odds);
    }

    /**
     * {@code (c / (a - 1)) [1 - 2F1(r, a - 1; c; -t / alpha)]} with {@code c = a + b - 1}: eq. (9) for
     * {@code x = 0}, and the numerator of eq. (10) when called with {@code r + x, alpha + T, b + x}.
     */
    private static double expected(double r, double alpha, double a, double b, double t) {
        if (Math.abs(a - 1) < SINGULAR) {
            return 0.5 * (expected(r, alpha, 1 + STEP, b, t) + expected(r, alpha, 1 - STEP, b, t));
        }
        double c = a + b - 1;
        double nearest = Math.rint(c);
        if (nearest <= 0 && Math.abs(c - nearest) < SINGULAR) {
            double h = STEP * Math.max(1.0, b);
            return 0.5 * (expected(r, alpha, a, b + h, t) + expected(r, alpha, a, b - h, t));
        }
        return -c / (a - 1) * Hypergeometric.hyp2f1m1(r, a - 1, c, -t / alpha);
    }

    static int lengths(int[] x, double[] tx, double[] t) {
        Validate.isTrue(x != null && tx != null && t != null, "x, t_x and T must not be null");
        Validate.isTrue(x.length == tx.length && x.length == t.length,
                "x, t_x and T must have the same length, got " + x.length + ", " + tx.length + " and " + t.length);
        return x.length;
    }
}
