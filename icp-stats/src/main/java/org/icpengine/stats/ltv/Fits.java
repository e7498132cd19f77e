package org.icpengine.stats.ltv;

import org.icpengine.errors.InsufficientDataException;

/** Shared settings and checks of the maximum-likelihood fits in this package. */
final class Fits {

    /** The optimizers search {@code |ln parameter| <= BOUND}; the objective is infinite beyond. */
    static final double BOUND = 30;

    /** A fitted {@code |ln parameter|} above this means the maximum is at the edge (a parameter diverged). */
    static final double DIVERGED = 20;

    /** Default cap on optimizer iterations. */
    static final int DEFAULT_MAX_ITERATIONS = 500;

    private Fits() {
    }

    /** Throws if a log-parameter ran off towards 0 or infinity. */
    static void requireInterior(Bfgs.Result result, String model, String[] names) {
        double[] x = result.x();
        for (int j = 0; j < x.length; j++) {
            if (Math.abs(x[j]) > DIVERGED) {
                throw new InsufficientDataException(model + ": the likelihood has no interior maximum: parameter "
                        + names[j] + " diverged to " + (x[j] > 0 ? "infinity" : "zero")
                        + " (about " + Math.exp(x[j]) + "), so these data do not identify the model");
            }
        }
    }

    /** Throws if the optimizer stopped without meeting its gradient test. */
    static void requireConverged(Bfgs.Result result, String model, int maxIterations) {
        if (!result.converged()) {
            throw new InsufficientDataException(model + ": the log-likelihood did not reach a maximum ("
                    + result.iterations() + " of at most " + maxIterations + " iterations, gradient norm "
                    + result.gradientNorm() + "); the data may not identify the model");
        }
    }
}
