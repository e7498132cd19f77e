package org.icpengine.stats.ltv;

import org.icpengine.stats.internal.Validate;
import org.icpengine.stats.special.GammaFunctions;
import org.icpengine.stats.special.Hypergeometric;

/**
 * A shifted-beta-geometric (sBG) model of contractual retention (Fader &amp; Hardie 2007, "How to
 * Project Customer Retention", J. Interactive Marketing 21(1)): each customer churns at the end of a
 * period with a constant probability {@code θ}, and {@code θ} varies across customers as
 * {@code Beta(alpha, beta)}.
 *
 * <p>Periods are counted from 1: a customer with lifetime {@code T = t} was active in periods
 * {@code 1..t} (made {@code t - 1} renewals) and did not renew at the end of period {@code t}. The
 * model gives
 * <ul>
 *   <li>{@code P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)},</li>
 *   <li>the survivor function {@code S(t) = P(T > t) = B(alpha, beta + t) / B(alpha, beta)},</li>
 *   <li>the retention rate {@code r(t) = S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1)},
 *       which rises with tenure as the less loyal customers leave,</li>
 * </ul>
 * and the discounted expected lifetime and residual lifetime of Fader &amp; Hardie (2010),
 * "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity",
 * Marketing Science 29(1), in closed form with the Gauss hypergeometric function.
 *
 * <p>Instances are immutable and thread-safe; they serialize to JSON as their four components.
 *
 * @param alpha first shape parameter of the churn-probability distribution, finite and {@code > 0}
 * @param beta second shape parameter, finite and {@code > 0}
 * @param logLikelihood the maximised log-likelihood of the data the model was fitted to (a
 *     probability, so {@code <= 0}); {@code NaN} for a model built from given parameters
 *     ({@link #of}), which has {@code observations == 0}
 * @param observations the number of customers in the fit; 0 for {@link #of}
 */
public record SbgModel(double alpha, double beta, double logLikelihood, long observations) {

    /** Validates the parameters; throws {@link org.icpengine.errors.InputException} on bad values. */
    public SbgModel {
        Validate.positive(alpha, "alpha");
        Validate.positive(beta, "beta");
        Validate.isTrue(observations >= 0, "observations must be >= 0, got " + observations);
        Validate.isTrue(observations == 0 ? !(logLikelihood > 0) : logLikelihood <= 0,
                "logLikelihood must be a number <= 0 (NaN only for an unfitted model), got " + logLikelihood);
    }

    /** A model with the given parameters and no fit behind it ({@code logLikelihood} NaN, 0 observations). */
    public static SbgModel of(double alpha, double beta) {
        return new SbgModel(alpha, beta, Double.NaN, 0);
    }

    /** The mean churn probability {@code alpha / (alpha + beta)}, which is also {@code P(T = 1)}. */
    public double meanChurn() {
        return alpha / (alpha + beta);
    }

    /**
     * {@code P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)}: the probability that a new
     * customer churns at the end of period {@code t}.
     *
     * @throws org.icpengine.errors.InputException if {@code t < 1}
     */
    public double churnProbability(int t) {
        Validate.isTrue(t >= 1, "t must be >= 1 (periods are counted from 1), got " + t);
        return Math.exp(logChurnProbability(alpha, beta, t));
    }

    /**
     * {@code S(t) = B(alpha, beta + t) / B(alpha, beta)}: the probability that a new customer is still
     * active after {@code t} periods; {@code S(0) = 1}.
     *
     * @throws org.icpengine.errors.InputException if {@code t < 0}
     */
    public double survival(int t) {
        Validate.isTrue(t >= 0, "t must be >= 0, got " + t);
        return Math.exp(logSurvival(alpha, beta, t));
    }

    /**
     * The retention rate {@code r(t) = (beta + t - 1) / (alpha + beta + t - 1)}: the probability that a
     * customer active in period {@code t} renews at its end.
     *
     * @throws org.icpengine.errors.InputException if {@code t < 1}
     */
    public double retention(int t) {
        Validate.isTrue(t >= 1, "t must be >= 1 (periods are counted from 1), got " + t);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * The projected survivor curve {@code S(0), S(1), ..., S(periods)} (the share of a cohort still
     * active), by the recursion {@code S(t) = r(t) S(t - 1)}; multiply by 100 for "% alive".
     *
     * @throws org.icpengine.errors.InputException if {@code periods < 0}
     */
    public double[] survivalCurve(int periods) {
        Validate.isTrue(periods >= 0, "periods must be >= 0, got " + periods);
        double[] s = new double[periods + 1];
        s[0] = 1.0;
        for (int t = 1; t <= periods; t++) {
            s[t] = s[t - 1] * (beta + t - 1) / (alpha + beta + t - 1);
        }
        return s;
    }

    /**
     * The expected lifetime of a new customer in periods, {@code E[T] = sum_{t>=0} S(t)}
     * {@code = (alpha + beta - 1) / (alpha - 1)}; {@code +Infinity} when {@code alpha <= 1} (the
     * most loyal customers then stay too long for the mean to exist).
     */
    public double expectedLifetime() {
        return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * The discounted expected lifetime of a just-acquired customer, Fader &amp; Hardie (2010):
     * {@code DEL(d) = sum_{t>=0} S(t) / (1 + d)^t = 2F1(1, beta; alpha + beta; 1 / (1 + d))}, the
     * multiplier of the per-period margin in the customer's expected value (the first payment is
     * undiscounted). At {@code d = 0} it is {@link #expectedLifetime()}.
     *
     * @param discountRate the discount rate per period, finite and {@code >= 0}
     * @throws org.icpengine.errors.InputException if {@code discountRate} is negative, infinite or NaN
     */
    public double discountedExpectedLifetime(double discountRate) {
        Validate.nonNegative(discountRate, "discountRate");
        return Hypergeometric.hyp2f1(1.0, beta, alpha + beta, 1.0 / (1.0 + discountRate));
    }

    /**
     * The discounted expected residual lifetime of a customer who has made {@code renewals} renewals
     * and is about to make the next, Fader &amp; Hardie (2010):
     * {@code DERL(d, n) = (beta + n) / (alpha + beta + n) · 2F1(1, beta + n + 1; alpha + beta + n + 1; 1 / (1 + d))}.
     * It grows with {@code n} because a customer who has stayed long is likely to have a low churn
     * probability. At {@code d = 0} it is {@code +Infinity} when {@code alpha <= 1}.
     *
     * @param renewals the number of renewals made so far, {@code >= 0}
     * @param discountRate the discount rate per period, finite and {@code >= 0}
     * @throws org.icpengine.errors.InputException on a negative {@code renewals} or a bad rate
     */
    public double discountedExpectedResidualLifetime(int renewals, double discountRate) {
        Validate.isTrue(renewals >= 0, "renewals must be >= 0, got " + renewals);
        Validate.nonNegative(discountRate, "discountRate");
        double n = renewals;
        return (beta + n) / (alpha + beta + n)
                * Hypergeometric.hyp2f1(1.0, beta + n + 1, alpha + beta + n + 1, 1.0 / (1.0 + discountRate));
    }

    /** {@code ln P(T = t)}, {@code t >= 1}. */
    static double logChurnProbability(double alpha, double beta, long t) {
        // B(α+1, y) = B(α, y) α / (α + y) with y = β + t - 1
        double y = beta + t - 1;
        return Math.log(alpha / (alpha + y)) + GammaFunctions.logBeta(alpha, y) - GammaFunctions.logBeta(alpha, beta);
    }

    /** {@code ln S(t)}, {@code t >= 0}. */
    static double logSurvival(double alpha, double beta, long t) {
        if (t == 0) {
            return 0.0;
        }
        return GammaFunctions.logBeta(alpha, beta + t) - GammaFunctions.logBeta(alpha, beta);
    }
}
