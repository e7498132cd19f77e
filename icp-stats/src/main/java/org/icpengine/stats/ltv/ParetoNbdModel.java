package org.icpengine.stats.ltv;

import org.hipparchus.special.Gamma;
import org.icpengine.stats.internal.Validate;
import org.icpengine.stats.special.Hypergeometric;
import org.icpengine.stats.special.LogSpace;

/**
 * A Pareto/NBD model of repeat purchasing in a non-contractual setting (Schmittlein, Morrison &amp;
 * Colombo 1987, Management Science 33(1)): while active a customer buys as a Poisson process with
 * rate {@code λ ~ Gamma(r, alpha)}, and stays active for an exponential time with rate
 * {@code μ ~ Gamma(s, beta)}. Customers are summarised by {@code (x, t_x, T)} as for
 * {@link BgNbdModel}.
 *
 * <p>The likelihood is that of Fader &amp; Hardie (2005), "A Note on Deriving the Pareto/NBD Model
 * and Related Expressions":
 * {@code L = Γ(r+x) alpha^r beta^s / Γ(r) · [1 / ((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) A_0]}, where
 * {@code A_0} is a difference of two Gauss hypergeometric functions evaluated at {@code t_x} and
 * {@code T}. Here each {@code 2F1(r+s+x, ·; r+s+x+1; z)} is first put through Euler's transformation
 * to {@code 2F1(1, ·; r+s+x+1; z)}, whose series has positive terms bounded by {@code z^k}, and the
 * bracket is formed as {@code K(T) [1 + s/(r+s+x) A_0/K(T)]} with {@code A_0 / K(T) >= 0} computed by
 * {@code expm1}, so that neither cancellation nor overflow occurs for customers with many purchases.
 * The same ratio gives {@link #probabilityAlive} (same note).
 *
 * <p>Instances are immutable and thread-safe; they serialize to JSON as their six components.
 *
 * @param r shape of the purchase-rate distribution, finite, {@code > 0}
 * @param alpha rate of the purchase-rate distribution, finite, {@code > 0}
 * @param s shape of the dropout-rate distribution, finite, {@code > 0}
 * @param beta rate of the dropout-rate distribution, finite, {@code > 0}
 * @param logLikelihood the maximised log-likelihood summed over customers; {@code NaN} for {@link #of}
 * @param observations the number of customers in the fit; 0 for {@link #of}
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta, double logLikelihood, long observations) {

    /** Validates the parameters; throws {@link org.icpengine.errors.InputException} on bad values. */
    public ParetoNbdModel {
        Validate.positive(r, "r");
        Validate.positive(alpha, "alpha");
        Validate.positive(s, "s");
        Validate.positive(beta, "beta");
        Validate.isTrue(observations >= 0, "observations must be >= 0, got " + observations);
        Validate.isTrue(observations == 0 ? !Double.isInfinite(logLikelihood) : Double.isFinite(logLikelihood),
                "logLikelihood must be finite (NaN only for an unfitted model), got " + logLikelihood);
    }

    /** A model with the given parameters and no fit behind it ({@code logLikelihood} NaN, 0 observations). */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
        return new ParetoNbdModel(r, alpha, s, beta, Double.NaN, 0);
    }

    /**
     * The log-likelihood of one customer's summary (Fader &amp; Hardie 2005; see the class comment).
     *
     * @throws org.icpengine.errors.InputException on an invalid summary (see {@link BgNbdTrainer#fit})
     */
    public double customerLogLikelihood(int x, double tx, double t) {
        RfmData.checkCustomer(x, tx, t, -1, false);
        return Gamma.logGamma(r + x) - Gamma.logGamma(r) + logLikelihoodRest(r, alpha, s, beta, x, tx, t);
    }

    /**
     * The probability that a customer with summary {@code (x, t_x, T)} is still active at {@code T},
     * {@code 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A_0)} (Fader &amp; Hardie 2005);
     * 1 when {@code t_x = T}.
     *
     * @throws org.icpengine.errors.InputException on an invalid summary ({@code T >= 0} allowed)
     */
    public double probabilityAlive(int x, double tx, double t) {
        RfmData.checkCustomer(x, tx, t, -1, true);
        return Math.exp(-logAliveRatio(r, alpha, s, beta, x, tx, t));
    }

    /**
     * The expected number of purchases of a new customer in {@code (0, t]},
     * {@code r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s-1)]} (Schmittlein et al. 1987;
     * {@code (r beta / alpha) ln(1 + t / beta)} at {@code s = 1}).
     *
     * @throws org.icpengine.errors.InputException on a negative, infinite or NaN {@code t}
     */
    public double expectedPurchases(double t) {
        Validate.nonNegative(t, "t");
        return r / alpha * beta * dropoutIntegral(s, t / beta);
    }

    /**
     * The expected number of purchases in the next {@code t} of a customer with summary
     * {@code (x, t_x, T)}:
     * {@code P(alive) (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)]}
     * (Schmittlein et al. 1987; Fader &amp; Hardie 2005); for {@code x = 0, T = 0} it equals
     * {@link #expectedPurchases}.
     *
     * @throws org.icpengine.errors.InputException on an invalid argument ({@code T >= 0} allowed)
     */
    public double conditionalExpectedPurchases(double t, int x, double tx, double t0) {
        Validate.nonNegative(t, "t");
        RfmData.checkCustomer(x, tx, t0, -1, true);
        return probabilityAlive(x, tx, t0) * (r + x) / (alpha + t0) * (beta + t0) * dropoutIntegral(s, t / (beta + t0));
    }

    /** {@link #conditionalExpectedPurchases(double, int, double, double)} for each customer. */
    public double[] conditionalExpectedPurchases(double t, int[] x, double[] tx, double[] t0) {
        int n = BgNbdModel.lengths(x, tx, t0);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = conditionalExpectedPurchases(t, x[i], tx[i], t0[i]);
        }
        return out;
    }

    /** {@link #probabilityAlive(int, double, double)} for each customer. */
    public double[] probabilityAlive(int[] x, double[] tx, double[] t) {
        int n = BgNbdModel.lengths(x, tx, t);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = probabilityAlive(x[i], tx[i], t[i]);
        }
        return out;
    }

    /** {@code [1 - (1 + u)^-(s-1)] / (s - 1)}, and {@code ln(1 + u)} at {@code s = 1}. */
    private static double dropoutIntegral(double s, double u) {
        double l = Math.log1p(u);
        double k = s - 1;
        return k == 0 ? l : -Math.expm1(-k * l) / k;
    }

    /**
     * The customer log-likelihood without {@code ln Γ(r+x) - ln Γ(r)}:
     * {@code r ln alpha + s ln beta - (r+x) ln(alpha+T) - s ln(beta+T) + ln(1 + s/(r+s+x) A_0/K(T))}.
     */
    static double logLikelihoodRest(double r, double alpha, double s, double beta, int x, double tx, double t) {
        return r * Math.log(alpha) + s * Math.log(beta) - (r + x) * Math.log(alpha + t) - s * Math.log(beta + t)
                + logAliveRatio(r, alpha, s, beta, x, tx, t);
    }

    /**
     * {@code ln(1 + s/(r+s+x) A_0 / K(T))} with {@code K(t) = (alpha+t)^-(r+x) (beta+t)^-s}, that is
     * {@code -ln P(alive)}. With {@code Φ(t)} the Euler-transformed hypergeometric factor,
     * {@code A_0 / K(T) = Φ(T) expm1(D + ln Φ(t_x) - ln Φ(T))}, {@code D = ln K(t_x) - ln K(T) >= 0}.
     */
    static double logAliveRatio(double r, double alpha, double s, double beta, int x, double tx, double t) {
        if (tx == t) {
            return 0.0;
        }
        double rx = r + x;
        double d = rx * Math.log1p((t - tx) / (alpha + tx)) + s * Math.log1p((t - tx) / (beta + tx));
        double lnPhiT = logPhi(r, alpha, s, beta, x, t);
        double q = d + logPhi(r, alpha, s, beta, x, tx) - lnPhiT;
        if (!(q > 0)) {
            // A_0 >= 0 holds exactly (an integral of a positive density); rounding may give q <= 0
            return Double.isNaN(q) ? Double.NaN : 0.0;
        }
        double lnExpm1 = q > 35 ? q + Math.log1p(-Math.exp(-q)) : Math.log(Math.expm1(q));
        return LogSpace.log1pExp(Math.log(s / (rx + s)) + lnPhiT + lnExpm1);
    }

    /**
     * {@code ln Φ(t)}: for {@code alpha >= beta},
     * {@code (alpha+t)^(r+s+x) K(t) 2F1(r+s+x, s+1; r+s+x+1; z) = 2F1(1, r+x; r+s+x+1; z)}, with
     * {@code z = (alpha-beta)/(alpha+t)}; otherwise
     * {@code ((alpha+t)/(beta+t)) 2F1(1, s+1; r+s+x+1; (beta-alpha)/(beta+t))}.
     */
    private static double logPhi(double r, double alpha, double s, double beta, int x, double t) {
        double c = r + s + x + 1;
        if (alpha >= beta) {
            return Hypergeometric.logHyp2f1(1.0, r + x, c, (alpha - beta) / (alpha + t));
        }
        return Math.log((alpha + t) / (beta + t)) + Hypergeometric.logHyp2f1(1.0, s + 1, c, (beta - alpha) / (beta + t));
    }
}
