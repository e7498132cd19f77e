package org.icpengine.stats.ltv;

import org.hipparchus.special.Gamma;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;
import org.icpengine.stats.special.GammaFunctions;

/**
 * Fits the Gamma-Gamma spend model ({@link GammaGammaModel}) by maximum likelihood on each customer's
 * number of repeat transactions {@code x} and their mean value (Fader, Hardie &amp; Lee 2005, "RFM and
 * CLV", J. Marketing Research 42(4); Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary
 * Value").
 *
 * <p>Only customers with {@code x > 0} carry information on spend; the others are skipped (their mean
 * spend is not read). The log-likelihood is maximised over {@code ln p, ln q, ln gamma} by BFGS with
 * its analytic gradient. The model assumes spend is independent of purchase frequency; check the
 * correlation of {@code x} and mean spend before relying on it.
 *
 * <p>Raises {@link InsufficientDataException} when fewer than two customers have {@code x > 0} or the
 * maximum lies on the edge of the parameter space (for example identical spends), and
 * {@link InputException} on invalid arguments. A trainer is immutable and thread-safe.
 */
public final class GammaGammaTrainer {

    private static final String[] NAMES = {"p", "q", "gamma"};

    private final int maxIterations;

    /** A trainer with the default settings (at most 500 optimizer iterations). */
    public GammaGammaTrainer() {
        this(Fits.DEFAULT_MAX_ITERATIONS);
    }

    private GammaGammaTrainer(int maxIterations) {
        Validate.isTrue(maxIterations >= 1, "maxIterations must be >= 1, got " + maxIterations);
        this.maxIterations = maxIterations;
    }

    /** A copy of this trainer with another cap on optimizer iterations ({@code >= 1}). */
    public GammaGammaTrainer withMaxIterations(int maxIterations) {
        return new GammaGammaTrainer(maxIterations);
    }

    /** The cap on optimizer iterations. */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Fits the model.
     *
     * @param x repeat transactions of each customer, {@code >= 0}
     * @param meanSpend mean value of those transactions, finite and {@code > 0} where {@code x > 0}
     *     (ignored where {@code x = 0})
     * @throws InputException on null or different-length arrays, a negative {@code x} or an invalid
     *     mean spend (the message names the index)
     * @throws InsufficientDataException if the data cannot identify the model
     */
    public GammaGammaModel fit(int[] x, double[] meanSpend) {
        Validate.isTrue(x != null && meanSpend != null, "Gamma-Gamma: x and meanSpend must not be null");
        Validate.isTrue(x.length == meanSpend.length, "Gamma-Gamma: x and meanSpend must have the same length, got "
                + x.length + " and " + meanSpend.length);
        int used = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                throw new InputException("x[" + i + "] (repeat transactions) must be >= 0, got " + x[i]);
            }
            if (x[i] > 0) {
                if (!(meanSpend[i] > 0) || Double.isInfinite(meanSpend[i])) {
                    throw new InputException("meanSpend[" + i + "] must be a finite number > 0 for a customer with x = "
                            + x[i] + ", got " + meanSpend[i]);
                }
                used++;
            }
        }
        if (used < 2) {
            throw new InsufficientDataException("Gamma-Gamma: needs at least 2 customers with repeat transactions "
                    + "(x > 0), got " + used);
        }
        double[] xs = new double[used];
        double[] ms = new double[used];
        double[] lnM = new double[used];
        double[] lnX = new double[used];
        double sumM = 0;
        for (int i = 0, k = 0; i < x.length; i++) {
            if (x[i] > 0) {
                xs[k] = x[i];
                ms[k] = meanSpend[i];
                lnM[k] = Math.log(meanSpend[i]);
                lnX[k] = Math.log(x[i]);
                sumM += meanSpend[i];
                k++;
            }
        }
        double n = used;
        Bfgs.Objective objective = (phi, grad) -> {
            double p = Math.exp(phi[0]);
            double q = Math.exp(phi[1]);
            double g = Math.exp(phi[2]);
            double lgQ = Gamma.logGamma(q);
            double psiQ = GammaFunctions.digamma(q);
            double lnG = Math.log(g);
            double ll = 0;
            double gp = 0;
            double gq = 0;
            double gg = 0;
            for (int i = 0; i < xs.length; i++) {
                double px = p * xs[i];
                double lnGmx = Math.log(g + ms[i] * xs[i]);
                ll += Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgQ + q * lnG + (px - 1) * lnM[i] + px * lnX[i]
                        - (px + q) * lnGmx;
                double psiPxq = GammaFunctions.digamma(px + q);
                gp += xs[i] * (psiPxq - GammaFunctions.digamma(px) + lnM[i] + lnX[i] - lnGmx);
                gq += psiPxq - psiQ + lnG - lnGmx;
                gg += q / g - (px + q) / (g + ms[i] * xs[i]);
            }
            grad[0] = -p * gp / n;
            grad[1] = -q * gq / n;
            grad[2] = -g * gg / n;
            return -ll / n;
        };
        double[] start = {0, Math.log(2), Math.log(sumM / n)};
        Bfgs.Result result = new Bfgs(maxIterations, 1e-10, Fits.BOUND).minimize(objective, start);
        Fits.requireInterior(result, "Gamma-Gamma", NAMES);
        Fits.requireConverged(result, "Gamma-Gamma", maxIterations);
        double[] phi = result.x();
        return new GammaGammaModel(Math.exp(phi[0]), Math.exp(phi[1]), Math.exp(phi[2]), -result.value() * n, used);
    }
}
