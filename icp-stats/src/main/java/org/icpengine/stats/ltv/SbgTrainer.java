package org.icpengine.stats.ltv;

import java.util.Locale;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;
import org.icpengine.stats.special.GammaFunctions;

/**
 * Fits the shifted-beta-geometric retention model ({@link SbgModel}) by maximum likelihood
 * (Fader &amp; Hardie 2007, "How to Project Customer Retention", J. Interactive Marketing 21(1)).
 *
 * <p>Every entry point reduces its data to, for each period {@code t}, the number of customers who
 * churned at the end of period {@code t} and the number last seen still active after {@code t}
 * (right-censored), and maximises
 * {@code LL = sum_t churned_t ln P(T = t) + censored_t ln S(t)} over {@code ln alpha, ln beta} by BFGS
 * with the analytic gradient. For one cohort observed for {@code n} periods this is the paper's
 * likelihood: the customers still active at the end of period {@code n} enter through {@code S(n)}.
 *
 * <p>Data that cannot identify the two parameters raise {@link InsufficientDataException}: no
 * customers, no churn at all, nobody observed beyond the first period (then only
 * {@code alpha / (alpha + beta)} is identified), or a retention rate that does not rise with tenure
 * (the maximum is then the constant-churn limit {@code alpha, beta -> ∞}; the message gives the
 * constant churn rate). Invalid arguments raise {@link InputException}. A trainer is immutable and
 * thread-safe.
 */
public final class SbgTrainer {

    /**
     * A fit with {@code alpha + beta} above this whose log-likelihood beats the constant-churn limit by
     * less than {@link #CONSTANT_GAIN} is taken to be heading for that limit.
     */
    static final double MIN_CONSTANT_CONCENTRATION = 1e3;

    /** See {@link #MIN_CONSTANT_CONCENTRATION}; a likelihood-ratio statistic of 0.002. */
    static final double CONSTANT_GAIN = 1e-3;

    private final int maxIterations;

    /** A trainer with the default settings (at most 500 optimizer iterations). */
    public SbgTrainer() {
        this(Fits.DEFAULT_MAX_ITERATIONS);
    }

    private SbgTrainer(int maxIterations) {
        Validate.isTrue(maxIterations >= 1, "maxIterations must be >= 1, got " + maxIterations);
        this.maxIterations = maxIterations;
    }

    /** A copy of this trainer with another cap on optimizer iterations ({@code >= 1}). */
    public SbgTrainer withMaxIterations(int maxIterations) {
        return new SbgTrainer(maxIterations);
    }

    /** The cap on optimizer iterations. */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Fits one cohort given as the percentage still active at the end of periods {@code 0..n}, as in
     * Fader &amp; Hardie's Table 1. Counts are {@code round(percentAlive[t] * cohortSize / 100)}; the
     * customers still active at period {@code n} are censored there.
     *
     * @param percentAlive {@code 100} at index 0, then non-increasing values in {@code [0, 100]}; at
     *     least two entries
     * @param cohortSize the number of customers the percentages refer to, {@code >= 1}
     * @throws InputException on a malformed series
     * @throws InsufficientDataException if the counts cannot identify the model (see class comment)
     */
    public SbgModel fitSurvivalPercent(double[] percentAlive, int cohortSize) {
        Validate.isTrue(percentAlive != null, "percentAlive must not be null");
        Validate.isTrue(cohortSize >= 1, "cohortSize must be >= 1, got " + cohortSize);
        Validate.isTrue(percentAlive.length >= 2,
                "percentAlive needs periods 0 and 1 at least, got " + percentAlive.length + " value(s)");
        Validate.isTrue(Math.abs(percentAlive[0] - 100.0) <= 1e-9,
                "percentAlive[0] must be 100 (the whole cohort at the start), got " + percentAlive[0]);
        long[] alive = new long[percentAlive.length];
        for (int t = 0; t < percentAlive.length; t++) {
            double p = percentAlive[t];
            Validate.inRange(p, 0, 100, "percentAlive[" + t + "]");
            if (t > 0 && p > percentAlive[t - 1]) {
                throw new InputException("percentAlive must not increase: percentAlive[" + t + "] = " + p
                        + " > percentAlive[" + (t - 1) + "] = " + percentAlive[t - 1]);
            }
            alive[t] = Math.round(p * cohortSize / 100.0);
        }
        return fitCounts(alive);
    }

    /**
     * Fits one cohort given as the number of customers still active at the end of periods
     * {@code 0..n} ({@code alive[0]} is the cohort size); {@code alive[t-1] - alive[t]} churned in
     * period {@code t} and {@code alive[n]} are censored after period {@code n}.
     *
     * @param alive non-negative, non-increasing counts with {@code alive[0] >= 1}; at least two entries
     * @throws InputException on a malformed series
     * @throws InsufficientDataException if the counts cannot identify the model (see class comment)
     */
    public SbgModel fitCounts(long[] alive) {
        Validate.isTrue(alive != null, "alive must not be null");
        Validate.isTrue(alive.length >= 2, "alive needs periods 0 and 1 at least, got " + alive.length + " value(s)");
        Validate.isTrue(alive[0] >= 1, "alive[0] (the cohort size) must be >= 1, got " + alive[0]);
        int n = alive.length - 1;
        long[] churned = new long[n + 1];
        long[] censored = new long[n + 1];
        for (int t = 1; t <= n; t++) {
            Validate.isTrue(alive[t] >= 0, "alive[" + t + "] must be >= 0, got " + alive[t]);
            Validate.isTrue(alive[t] <= alive[t - 1], "alive must not increase: alive[" + t + "] = " + alive[t]
                    + " > alive[" + (t - 1) + "] = " + alive[t - 1]);
            churned[t] = alive[t - 1] - alive[t];
        }
        censored[n] = alive[n];
        return fit(churned, censored);
    }

    /**
     * Fits individual customers: customer {@code i} either churned at the end of period
     * {@code tenure[i]} ({@code churned[i]}, {@code tenure >= 1}) or is still active after
     * {@code tenure[i]} periods (right-censored, {@code tenure >= 0}). Customers of several cohorts
     * with different observation lengths can be mixed.
     *
     * @throws InputException on arrays of different lengths or an invalid tenure
     * @throws InsufficientDataException if the data cannot identify the model, including empty input
     */
    public SbgModel fitIndividual(int[] tenure, boolean[] churned) {
        Validate.isTrue(tenure != null && churned != null, "tenure and churned must not be null");
        Validate.isTrue(tenure.length == churned.length, "tenure and churned must have the same length, got "
                + tenure.length + " and " + churned.length);
        int max = 0;
        for (int i = 0; i < tenure.length; i++) {
            int t = tenure[i];
            if (churned[i]) {
                Validate.isTrue(t >= 1, "tenure[" + i + "] must be >= 1 for a churned customer, got " + t);
            } else {
                Validate.isTrue(t >= 0, "tenure[" + i + "] must be >= 0, got " + t);
            }
            max = Math.max(max, t);
        }
        long[] lost = new long[max + 1];
        long[] censored = new long[max + 1];
        for (int i = 0; i < tenure.length; i++) {
            if (churned[i]) {
                lost[tenure[i]]++;
            } else {
                censored[tenure[i]]++;
            }
        }
        return fit(lost, censored);
    }

    /**
     * Fits aggregated counts: {@code churned[t]} customers churned at the end of period {@code t} and
     * {@code censored[t]} were last seen active after period {@code t} (right-censored). The arrays are
     * indexed by period; {@code churned[0]} must be 0.
     *
     * @throws InputException on negative counts, different lengths or {@code churned[0] != 0}
     * @throws InsufficientDataException if the counts cannot identify the model (see class comment)
     */
    public SbgModel fitCensoredCounts(long[] churned, long[] censored) {
        Validate.isTrue(churned != null && censored != null, "churned and censored must not be null");
        Validate.isTrue(churned.length == censored.length, "churned and censored must have the same length, got "
                + churned.length + " and " + censored.length);
        for (int t = 0; t < churned.length; t++) {
            Validate.isTrue(churned[t] >= 0, "churned[" + t + "] must be >= 0, got " + churned[t]);
            Validate.isTrue(censored[t] >= 0, "censored[" + t + "] must be >= 0, got " + censored[t]);
        }
        Validate.isTrue(churned.length == 0 || churned[0] == 0,
                "churned[0] must be 0 (nobody churns before period 1), got " + churned[0]);
        return fit(churned.clone(), censored.clone());
    }

    private SbgModel fit(long[] churned, long[] censored) {
        long customers = 0;
        long lost = 0;
        long exposure = 0;
        boolean beyondFirst = false;
        int used = 0;
        for (int t = 0; t < churned.length; t++) {
            customers += churned[t] + censored[t];
            lost += churned[t];
            exposure += t * (churned[t] + censored[t]);
            if (t >= 2 && churned[t] + censored[t] > 0) {
                beyondFirst = true;
            }
            if (churned[t] + censored[t] > 0) {
                used++;
            }
        }
        if (customers == 0) {
            throw new InsufficientDataException("sBG: no customers to fit");
        }
        if (lost == 0) {
            throw new InsufficientDataException("sBG: none of the " + customers
                    + " customers churned, so the churn distribution cannot be estimated");
        }
        if (!beyondFirst) {
            throw new InsufficientDataException("sBG: no customer was observed beyond period 1, so only the mean "
                    + "churn rate is identified, not its spread; needs customers observed for 2 or more periods");
        }
        // periods with data, as primitive arrays for the objective
        long[] ts = new long[used];
        double[] nChurn = new double[used];
        double[] nCens = new double[used];
        for (int t = 0, k = 0; t < churned.length; t++) {
            if (churned[t] + censored[t] > 0) {
                ts[k] = t;
                nChurn[k] = churned[t];
                nCens[k] = censored[t];
                k++;
            }
        }
        double total = customers;
        Bfgs.Objective objective = (phi, grad) -> {
            double a = Math.exp(phi[0]);
            double b = Math.exp(phi[1]);
            double ll = 0;
            double ga = 0;
            double gb = 0;
            double psiAb = GammaFunctions.digamma(a + b);
            double psiB = GammaFunctions.digamma(b);
            for (int k = 0; k < ts.length; k++) {
                long t = ts[k];
                if (nChurn[k] > 0) {
                    double psiAbt = GammaFunctions.digamma(a + b + t);
                    ll += nChurn[k] * SbgModel.logChurnProbability(a, b, t);
                    ga += nChurn[k] * (1.0 / a - psiAbt + psiAb);
                    gb += nChurn[k] * (GammaFunctions.digamma(b + t - 1) - psiAbt - psiB + psiAb);
                }
                if (nCens[k] > 0 && t > 0) {
                    double psiAbt = GammaFunctions.digamma(a + b + t);
                    ll += nCens[k] * SbgModel.logSurvival(a, b, t);
                    ga += nCens[k] * (psiAb - psiAbt);
                    gb += nCens[k] * (GammaFunctions.digamma(b + t) - psiAbt - psiB + psiAb);
                }
            }
            grad[0] = -a * ga / total;
            grad[1] = -b * gb / total;
            return -ll / total;
        };
        Bfgs.Result result = new Bfgs(maxIterations, 1e-10, Fits.BOUND).minimize(objective, new double[] {0, 0});
        double alpha = Math.exp(result.x()[0]);
        double beta = Math.exp(result.x()[1]);
        double ll = Math.min(0.0, -result.value() * total);
        // the constant-churn (geometric) limit alpha, beta -> ∞ with alpha/(alpha+beta) = lost/exposure
        double theta = (double) lost / exposure;
        double geometric = lost * Math.log(theta) + (exposure - lost) * Math.log1p(-theta);
        if (alpha + beta > MIN_CONSTANT_CONCENTRATION && ll - geometric < CONSTANT_GAIN) {
            throw new InsufficientDataException(String.format(Locale.ROOT,
                    "sBG: the retention rate does not rise with tenure in these data, so the spread of churn "
                            + "probabilities is not identified (alpha and beta diverge); a constant churn rate of "
                            + "%.4g per period describes them as well", theta));
        }
        Fits.requireInterior(result, "sBG", new String[] {"alpha", "beta"});
        Fits.requireConverged(result, "sBG", maxIterations);
        return new SbgModel(alpha, beta, ll, customers);
    }
}
