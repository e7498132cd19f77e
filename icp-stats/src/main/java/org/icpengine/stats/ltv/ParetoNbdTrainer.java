package org.icpengine.stats.ltv;

import java.util.function.ToDoubleFunction;
import org.hipparchus.special.Gamma;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * Fits the Pareto/NBD model ({@link ParetoNbdModel}) by maximum likelihood on customer summaries
 * {@code (x, t_x, T)} (likelihood of Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model
 * and Related Expressions").
 *
 * <p>The likelihood is maximised over {@code ln r, ln alpha, ln s, ln beta} by BFGS; its
 * hypergeometric terms have no convenient parameter derivatives, so the gradient is taken by central
 * differences (step {@code 1e-5}). Customers with the same summary are merged first.
 *
 * <p>Raises {@link InsufficientDataException} on empty input, when nobody made a repeat purchase, or
 * when the maximum lies on the edge of the parameter space, and {@link InputException} on an invalid
 * summary. A trainer is immutable and thread-safe.
 */
public final class ParetoNbdTrainer {

    private static final String[] NAMES = {"r", "alpha", "s", "beta"};
    private static final double STEP = 1e-5;

    private final int maxIterations;

    /** A trainer with the default settings (at most 500 optimizer iterations). */
    public ParetoNbdTrainer() {
        this(Fits.DEFAULT_MAX_ITERATIONS);
    }

    private ParetoNbdTrainer(int maxIterations) {
        Validate.isTrue(maxIterations >= 1, "maxIterations must be >= 1, got " + maxIterations);
        this.maxIterations = maxIterations;
    }

    /** A copy of this trainer with another cap on optimizer iterations ({@code >= 1}). */
    public ParetoNbdTrainer withMaxIterations(int maxIterations) {
        return new ParetoNbdTrainer(maxIterations);
    }

    /** The cap on optimizer iterations. */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Fits the model; the arguments are as for {@link BgNbdTrainer#fit}.
     *
     * @throws InputException on null or different-length arrays or an invalid summary
     * @throws InsufficientDataException if the data cannot identify the model
     */
    public ParetoNbdModel fit(int[] x, double[] tx, double[] t) {
        RfmData data = RfmData.of(x, tx, t, "Pareto/NBD");
        double[] lgX = new double[data.distinctX.length];
        ToDoubleFunction<double[]> f = phi -> minusMeanLogLikelihood(data, lgX, phi);
        double alpha0 = Math.max(data.meanT, 1e-6) / Math.max(data.meanX, 0.01);
        double[] start = {0, Math.log(alpha0), 0, Math.log(Math.max(data.meanT, 1e-6))};
        Bfgs.Result result = new Bfgs(maxIterations, 1e-8, Fits.BOUND).minimize(Bfgs.numericGradient(f, STEP), start);
        Fits.requireInterior(result, "Pareto/NBD", NAMES);
        Fits.requireConverged(result, "Pareto/NBD", maxIterations);
        double[] p = result.x();
        double ll = -minusMeanLogLikelihood(data, lgX, p) * data.customers;
        return new ParetoNbdModel(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), ll, data.customers);
    }

    private static double minusMeanLogLikelihood(RfmData data, double[] lgX, double[] phi) {
        double r = Math.exp(phi[0]);
        double alpha = Math.exp(phi[1]);
        double s = Math.exp(phi[2]);
        double beta = Math.exp(phi[3]);
        double lgR = Gamma.logGamma(r);
        int[] dx = data.distinctX;
        for (int u = 0; u < dx.length; u++) {
            lgX[u] = Gamma.logGamma(r + dx[u]) - lgR;
        }
        double ll = 0;
        try {
            for (int g = 0; g < data.groups(); g++) {
                ll += data.weight[g] * (lgX[data.xIndex[g]]
                        + ParetoNbdModel.logLikelihoodRest(r, alpha, s, beta, data.x[g], data.tx[g], data.t[g]));
            }
        } catch (ArithmeticException e) {
            // a hypergeometric series out of reach at an extreme trial point: reject the point
            return Double.NaN;
        }
        return -ll / data.customers;
    }
}
