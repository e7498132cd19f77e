package org.icpengine.stats.eval;

import org.hipparchus.special.Gamma;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * Empirical-Bayes shrinkage of rates across groups: fits a Beta(alpha, beta) prior to k_g successes
 * in n_g trials per group by <b>maximum likelihood</b> of the beta-binomial model, so that each group's
 * rate can be shrunk to {@code (k + alpha) / (n + alpha + beta)} (Efron &amp; Morris 1975; Robinson 2017
 * for the baseball-batting version). Small groups move towards the pooled mean, large groups keep their
 * own rate.
 *
 * <p><b>Method.</b> The log-likelihood {@code Σ_g ln C(n_g,k_g) + ln B(k_g+α, n_g−k_g+β) − ln B(α,β)}
 * is maximised by Newton-Raphson in (ln α, ln β) with analytic gradient and Hessian (digamma and
 * trigamma), step halving, and a gradient step wherever the Hessian is not negative definite, started
 * from a method-of-moments estimate that allows for binomial noise (Kleinman 1973). Groups with zero
 * trials carry no information and are ignored by the fit (they shrink to the prior mean).
 *
 * <p><b>No overdispersion (zero variance).</b> When the rates vary no more than binomial noise explains
 * (for example all groups have the same rate) the likelihood increases without bound in alpha + beta:
 * the MLE is complete pooling. This is detected by the sign of the score for extra-binomial dispersion
 * at the boundary (Tarone 1979) or by the iteration running past {@link #MAX_CONCENTRATION}; the prior
 * is then returned with mean = pooled rate, alpha + beta = {@code MAX_CONCENTRATION} and
 * {@code atBoundary = true}.
 *
 * <p>Edges: null or mismatched arrays, negative counts and k &gt; n throw
 * {@link org.icpengine.errors.InputException}. Fewer than two groups with trials (one group: no
 * between-group variance to estimate), and a pooled rate of exactly 0 or 1 (no successes, or no
 * failures, anywhere: the prior mean is on the boundary and alpha or beta would be 0), throw
 * {@link InsufficientDataException}.
 */
public final class BetaBinomial {

    /** The cap on alpha + beta, reached when the data show no extra-binomial variation: 10^8. */
    public static final double MAX_CONCENTRATION = 1e8;

    /** The floor of alpha and beta, reached when groups are all-or-nothing: 10^-8. */
    public static final double MIN_PARAMETER = 1e-8;

    private static final int MAX_ITERATIONS = 500;

    private BetaBinomial() {
    }

    /**
     * The maximum-likelihood Beta prior of the group rates.
     *
     * @param successes k_g per group, {@code 0 <= k_g <= n_g}
     * @param trials n_g per group, {@code >= 0}
     */
    public static BetaBinomialPrior fit(long[] successes, long[] trials) {
        checkCounts(successes, trials);
        int groups = 0;
        long totalK = 0;
        long totalN = 0;
        for (int g = 0; g < trials.length; g++) {
            if (trials[g] > 0) {
                groups++;
                totalK += successes[g];
                totalN += trials[g];
            }
        }
        if (groups < 2) {
            throw new InsufficientDataException("beta-binomial shrinkage needs at least two groups with trials to estimate "
                    + "the between-group variance; got " + groups);
        }
        if (totalK == 0 || totalK == totalN) {
            throw new InsufficientDataException("beta-binomial shrinkage needs both successes and failures overall; got "
                    + totalK + " successes in " + totalN + " trials");
        }
        // compact the informative groups into doubles once
        double[] k = new double[groups];
        double[] n = new double[groups];
        for (int g = 0, c = 0; g < trials.length; g++) {
            if (trials[g] > 0) {
                k[c] = successes[g];
                n[c] = trials[g];
                c++;
            }
        }
        double pooled = (double) totalK / totalN;
        if (dispersionScore(k, n, pooled) <= 0) {
            return pooledPrior(k, n, pooled, groups);
        }
        return newton(k, n, pooled, groups);
    }

    static void checkCounts(long[] successes, long[] trials) {
        Validate.isTrue(successes != null, "successes must not be null");
        Validate.isTrue(trials != null, "trials must not be null");
        Validate.isTrue(successes.length == trials.length, "successes and trials must have the same length (successes: "
                + successes.length + ", trials: " + trials.length + ")");
        for (int g = 0; g < trials.length; g++) {
            Validate.isTrue(trials[g] >= 0, "trials[" + g + "] must be >= 0, got " + trials[g]);
            Validate.isTrue(successes[g] >= 0 && successes[g] <= trials[g],
                    "successes[" + g + "] must be in [0, trials[" + g + "] = " + trials[g] + "], got " + successes[g]);
        }
    }

    /**
     * d ln L / d θ at θ = 1/(α+β) = 0 with the mean at the pooled rate: with the product form
     * P(k) ∝ Π_{i<k}(μ+iθ) Π_{i<n−k}(1−μ+iθ) / Π_{i<n}(1+iθ) it is
     * Σ k(k−1)/(2μ) + (n−k)(n−k−1)/(2(1−μ)) − n(n−1)/2. Not positive means no overdispersion.
     */
    private static double dispersionScore(double[] k, double[] n, double mu) {
        double s = 0;
        for (int g = 0; g < k.length; g++) {
            double f = n[g] - k[g];
            s += k[g] * (k[g] - 1) / (2 * mu) + f * (f - 1) / (2 * (1 - mu)) - n[g] * (n[g] - 1) / 2;
        }
        return s;
    }

    private static BetaBinomialPrior pooledPrior(double[] k, double[] n, double mu, int groups) {
        double ll = 0;
        for (int g = 0; g < k.length; g++) {
            ll += logChoose(n[g], k[g]) + k[g] * Math.log(mu) + (n[g] - k[g]) * Math.log1p(-mu);
        }
        return new BetaBinomialPrior(mu * MAX_CONCENTRATION, (1 - mu) * MAX_CONCENTRATION, Math.min(ll, 0), groups, true);
    }

    private static BetaBinomialPrior newton(double[] k, double[] n, double pooled, int groups) {
        double kappa = startConcentration(k, n, pooled);
        double u = Math.log(pooled * kappa);
        double v = Math.log((1 - pooled) * kappa);
        double ll = kernel(k, n, Math.exp(u), Math.exp(v));
        double minLog = Math.log(MIN_PARAMETER);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double a = Math.exp(u);
            double b = Math.exp(v);
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hbb = 0;
            double hab = 0;
            double psiAb = Gamma.digamma(a + b);
            double triAb = Gamma.trigamma(a + b);
            double psiA = Gamma.digamma(a);
            double psiB = Gamma.digamma(b);
            double triA = Gamma.trigamma(a);
            double triB = Gamma.trigamma(b);
            for (int g = 0; g < k.length; g++) {
                double psiN = Gamma.digamma(n[g] + a + b);
                double triN = Gamma.trigamma(n[g] + a + b);
                ga += Gamma.digamma(k[g] + a) - psiA - psiN + psiAb;
                gb += Gamma.digamma(n[g] - k[g] + b) - psiB - psiN + psiAb;
                haa += Gamma.trigamma(k[g] + a) - triA - triN + triAb;
                hbb += Gamma.trigamma(n[g] - k[g] + b) - triB - triN + triAb;
                hab += triAb - triN;
            }
            // chain rule to (u, v) = (ln a, ln b)
            double gu = a * ga;
            double gv = b * gb;
            double huu = a * a * haa + gu;
            double hvv = b * b * hbb + gv;
            double huv = a * b * hab;
            double det = huu * hvv - huv * huv;
            double du;
            double dv;
            if (huu < 0 && det > 0) {
                du = -(hvv * gu - huv * gv) / det;
                dv = -(huu * gv - huv * gu) / det;
            } else {
                double scale = Math.max(Math.abs(gu), Math.abs(gv));
                du = scale > 0 ? gu / scale : 0;
                dv = scale > 0 ? gv / scale : 0;
            }
            double size = Math.max(Math.abs(du), Math.abs(dv));
            if (size > 2) { // at most a factor e^2 per step in either parameter
                du *= 2 / size;
                dv *= 2 / size;
                size = 2;
            }
            if (size < 1e-12) {
                break;
            }
            double t = 1;
            boolean moved = false;
            while (t * size > 1e-14) {
                double nu = Math.max(u + t * du, minLog);
                double nv = Math.max(v + t * dv, minLog);
                double candidate = kernel(k, n, Math.exp(nu), Math.exp(nv));
                if (candidate >= ll) {
                    moved = nu != u || nv != v;
                    u = nu;
                    v = nv;
                    ll = candidate;
                    break;
                }
                t /= 2;
            }
            if (Math.exp(u) + Math.exp(v) > MAX_CONCENTRATION) {
                return pooledPrior(k, n, pooled, groups);
            }
            if (!moved || t * size < 1e-11) {
                break;
            }
        }
        double a = Math.exp(u);
        double b = Math.exp(v);
        boolean boundary = u <= minLog || v <= minLog;
        double full = ll;
        for (int g = 0; g < k.length; g++) {
            full += logChoose(n[g], k[g]);
        }
        return new BetaBinomialPrior(a, b, Math.min(full, 0), groups, boundary);
    }

    /**
     * The starting concentration: the method-of-moments estimate, or the best point of a coarse grid
     * (10^-1 .. 10^6 in half decades) at the pooled mean when its likelihood is higher. With many groups of one
     * or two trials the moments estimate of the between-group variance can be negative although the data are
     * overdispersed; Newton started at the resulting cap stalls on the flat likelihood ridge there.
     */
    private static double startConcentration(double[] k, double[] n, double mu) {
        double best = momentsConcentration(k, n, mu);
        double bestLl = kernel(k, n, mu * best, (1 - mu) * best);
        for (int e = -2; e <= 12; e++) {
            double c = Math.pow(10, e / 2.0);
            double ll = kernel(k, n, mu * c, (1 - mu) * c);
            if (ll > bestLl) {
                best = c;
                bestLl = ll;
            }
        }
        return best;
    }

    /**
     * Method-of-moments concentration allowing for binomial noise: with rates r_g and weights n_g,
     * Var(r_g) = μ(1−μ)[1/n_g + (1 − 1/n_g)/(κ+1)], solved for κ with averages over groups; clamped to
     * [0.01, 10^6] as a starting value only.
     */
    private static double momentsConcentration(double[] k, double[] n, double mu) {
        double mean = 0;
        double invN = 0;
        for (int g = 0; g < k.length; g++) {
            mean += k[g] / n[g];
            invN += 1 / n[g];
        }
        mean /= k.length;
        invN /= k.length;
        double var = 0;
        for (int g = 0; g < k.length; g++) {
            double d = k[g] / n[g] - mean;
            var += d * d;
        }
        var /= k.length - 1;
        double pq = mu * (1 - mu);
        double between = var - pq * invN;
        double kappa = between > 0 ? pq * (1 - invN) / between - 1 : 1e6;
        return Math.min(Math.max(kappa, 0.01), 1e6);
    }

    /** The log-likelihood without the binomial coefficients. */
    private static double kernel(double[] k, double[] n, double a, double b) {
        double s = 0;
        double base = Gamma.logGamma(a + b) - Gamma.logGamma(a) - Gamma.logGamma(b);
        for (int g = 0; g < k.length; g++) {
            s += base + Gamma.logGamma(k[g] + a) + Gamma.logGamma(n[g] - k[g] + b) - Gamma.logGamma(n[g] + a + b);
        }
        return s;
    }

    private static double logChoose(double n, double k) {
        return Gamma.logGamma(n + 1) - Gamma.logGamma(k + 1) - Gamma.logGamma(n - k + 1);
    }
}
