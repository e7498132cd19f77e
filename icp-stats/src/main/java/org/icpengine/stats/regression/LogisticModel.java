package org.icpengine.stats.regression;

import java.util.Arrays;
import org.icpengine.errors.InputException;
import org.icpengine.stats.internal.Validate;

/**
 * A fitted logistic regression P(y = 1 | x) = 1 / (1 + exp(-(intercept + coefficients . x))), with
 * the diagnostics of its fit. Immutable and thread-safe (array accessors return copies); serializes
 * to JSON with Jackson as its record components.
 *
 * @param intercept              the intercept (never penalized)
 * @param coefficients           one coefficient per feature, in column order
 * @param interceptStandardError standard error of the intercept; {@code NaN} for a penalized fit
 * @param standardErrors         standard errors of the coefficients, sqrt of the diagonal of the
 *                               inverse observed information (the Hessian of the negative
 *                               log-likelihood) at the estimate, with weights treated as frequencies;
 *                               all {@code NaN} for a penalized fit, where they would not be valid
 * @param logLikelihood          the (weighted) log-likelihood sum_i w_i [y_i ln p_i + (1 - y_i) ln(1 - p_i)]
 *                               at the estimate, without the penalty
 * @param n                      number of training rows
 * @param lambda                 the L2 penalty weight of the fit (0 = unpenalized)
 * @param iterations             Newton steps taken
 * @param converged              whether the convergence criterion of {@link LogisticTrainer} was met
 */
public record LogisticModel(double intercept, double[] coefficients, double interceptStandardError,
                            double[] standardErrors, double logLikelihood, long n, double lambda,
                            int iterations, boolean converged) {

    /** Validates and copies the arrays. */
    public LogisticModel {
        Validate.isTrue(Double.isFinite(intercept), "intercept must be finite, got " + intercept);
        if (coefficients == null || standardErrors == null) {
            throw new InputException("coefficients and standardErrors must not be null");
        }
        coefficients = coefficients.clone();
        standardErrors = standardErrors.clone();
        Validate.isTrue(standardErrors.length == coefficients.length, "standardErrors must have one entry per"
                + " coefficient, got " + standardErrors.length + " for " + coefficients.length);
        for (int j = 0; j < coefficients.length; j++) {
            Validate.isTrue(Double.isFinite(coefficients[j]),
                    "coefficients[" + j + "] must be finite, got " + coefficients[j]);
        }
        Validate.isTrue(logLikelihood <= 0, "logLikelihood must be <= 0, got " + logLikelihood);
        Validate.isTrue(n >= 0, "n must be >= 0, got " + n);
        Validate.nonNegative(lambda, "lambda");
        Validate.isTrue(iterations >= 0, "iterations must be >= 0, got " + iterations);
    }

    /** The coefficients, one per feature; a copy. */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The coefficients' standard errors; a copy. */
    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** Number of features. */
    public int features() {
        return coefficients.length;
    }

    /**
     * The linear predictor (log-odds) intercept + coefficients . x.
     *
     * @throws InputException if {@code x} does not have one value per feature
     */
    public double linearPredictor(double[] x) {
        if (x == null || x.length != coefficients.length) {
            throw new InputException("x must have " + coefficients.length + " values, got "
                    + (x == null ? "null" : Integer.toString(x.length)));
        }
        double eta = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            eta += coefficients[j] * x[j];
        }
        return eta;
    }

    /** P(y = 1 | x); {@code NaN} if any value of {@code x} is NaN. */
    public double probability(double[] x) {
        return sigmoid(linearPredictor(x));
    }

    /**
     * P(y = 1 | x) for each row of a row-major matrix with {@link #features()} columns; a new array.
     *
     * @throws InputException if the length is not a multiple of the number of features
     */
    public double[] probabilities(double[] rowMajor) {
        int p = coefficients.length;
        Validate.isTrue(rowMajor != null && (p == 0 ? rowMajor.length == 0 : rowMajor.length % p == 0),
                "rowMajor must hold whole rows of " + p + " values");
        int rows = p == 0 ? 0 : rowMajor.length / p;
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double eta = intercept;
            int o = i * p;
            for (int j = 0; j < p; j++) {
                eta += coefficients[j] * rowMajor[o + j];
            }
            out[i] = sigmoid(eta);
        }
        return out;
    }

    /** The logistic function 1 / (1 + exp(-eta)), computed without overflow. */
    public static double sigmoid(double eta) {
        if (eta >= 0) {
            return 1 / (1 + Math.exp(-eta));
        }
        double e = Math.exp(eta);
        return e / (1 + e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticModel m
                && Double.compare(intercept, m.intercept) == 0
                && Arrays.equals(coefficients, m.coefficients)
                && Double.compare(interceptStandardError, m.interceptStandardError) == 0
                && Arrays.equals(standardErrors, m.standardErrors)
                && Double.compare(logLikelihood, m.logLikelihood) == 0
                && n == m.n
                && Double.compare(lambda, m.lambda) == 0
                && iterations == m.iterations
                && converged == m.converged;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(intercept);
        h = 31 * h + Arrays.hashCode(coefficients);
        h = 31 * h + Double.hashCode(logLikelihood);
        h = 31 * h + Long.hashCode(n);
        return h;
    }

    @Override
    public String toString() {
        return "LogisticModel[intercept=" + intercept + ", coefficients=" + Arrays.toString(coefficients)
                + ", interceptStandardError=" + interceptStandardError
                + ", standardErrors=" + Arrays.toString(standardErrors) + ", logLikelihood=" + logLikelihood
                + ", n=" + n + ", lambda=" + lambda + ", iterations=" + iterations + ", converged=" + converged + "]";
    }
}
