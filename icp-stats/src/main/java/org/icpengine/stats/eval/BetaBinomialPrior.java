package org.icpengine.stats.eval;

import org.icpengine.stats.internal.Validate;

/**
 * A fitted Beta(alpha, beta) prior for group rates, from {@link BetaBinomial#fit}, and the
 * empirical-Bayes shrinkage it implies.
 *
 * @param alpha prior "successes", {@code > 0}
 * @param beta prior "failures", {@code > 0}
 * @param logLikelihood the maximised beta-binomial log-likelihood, binomial coefficients included; at a
 *     complete-pooling boundary the binomial log-likelihood at the pooled rate (its supremum)
 * @param groups number of groups with at least one trial that the fit used
 * @param atBoundary {@code true} when the maximum lies on the edge of the parameter space: no
 *     between-group variation beyond binomial noise (alpha + beta capped at
 *     {@link BetaBinomial#MAX_CONCENTRATION}, every shrunk rate essentially the pooled rate), or
 *     groups so separated that alpha or beta reached {@link BetaBinomial#MIN_PARAMETER} (essentially no
 *     shrinkage)
 */
public record BetaBinomialPrior(double alpha, double beta, double logLikelihood, int groups, boolean atBoundary) {

    public BetaBinomialPrior {
        Validate.positive(alpha, "alpha");
        Validate.positive(beta, "beta");
        Validate.isTrue(!Double.isNaN(logLikelihood) && logLikelihood <= 0,
                "logLikelihood must be a number <= 0, got " + logLikelihood);
        Validate.isTrue(groups >= 1, "groups must be >= 1, got " + groups);
    }

    /** The prior mean rate {@code alpha / (alpha + beta)}. */
    public double mean() {
        return alpha / (alpha + beta);
    }

    /** The prior concentration (pseudo-trials) {@code alpha + beta}. */
    public double concentration() {
        return alpha + beta;
    }

    /**
     * The posterior-mean (shrunk) rate {@code (k + alpha) / (n + alpha + beta)} of a group with k
     * successes in n trials; the prior mean when n = 0.
     *
     * @throws org.icpengine.errors.InputException unless 0 &lt;= k &lt;= n
     */
    public double shrink(long successes, long trials) {
        Validate.isTrue(trials >= 0, "trials must be >= 0, got " + trials);
        Validate.isTrue(successes >= 0 && successes <= trials,
                "successes must be in [0, trials = " + trials + "], got " + successes);
        return (successes + alpha) / (trials + alpha + beta);
    }

    /** {@link #shrink(long, long)} for each group, in order. */
    public double[] shrink(long[] successes, long[] trials) {
        BetaBinomial.checkCounts(successes, trials);
        double[] out = new double[successes.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = (successes[g] + alpha) / (trials[g] + alpha + beta);
        }
        return out;
    }
}
