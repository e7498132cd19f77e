package org.icpengine.stats.regression;

import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * Fits a {@link LogisticModel} by Newton's method (iteratively reweighted least squares) with a
 * backtracking line search. Holds immutable settings; thread-safe.
 *
 * <p>It minimises {@code (lambda / 2) * ||w||^2 + sum_i s_i * logloss_i}, where {@code w} are the
 * coefficients (the intercept is not penalized), {@code s_i} the optional sample weights (1 when
 * absent) and {@code logloss_i = -[y_i ln p_i + (1 - y_i) ln(1 - p_i)]}. This is scikit-learn's
 * objective with {@code C = 1 / lambda} (scikit-learn writes it {@code 0.5 ||w||^2 + C sum logloss},
 * which has the same minimiser); {@code lambda = 0} is the unpenalized maximum-likelihood fit.
 *
 * <p>Each Newton step solves {@code (X'WX + lambda I') d = -g} by a Cholesky factorization of the
 * Jacobi-scaled Hessian (Hipparchus) and halves the step until the objective decreases by the Armijo
 * condition. Once a step changes no parameter by more than 1% (relative), the next steps reuse that
 * Hessian (the chord or Shamanskii variant of Newton's method; Kelley 1995, <i>Iterative Methods for
 * Linear and Nonlinear Equations</i>, SIAM, ch. 5), which saves the O(n p^2) Hessian pass; the Hessian
 * is recomputed when a reused one fails the line search or shrinks the step less than fourfold. The
 * fit has converged when the next step would change every parameter {@code b_j} (intercept included)
 * by at most {@code tolerance * max(1, |b_j|)}; the reported estimate and log-likelihood are those of
 * the last iterate, and the standard errors use the Hessian at that iterate. The data pass that
 * accumulates the gradient and Hessian runs over fixed blocks of rows, in parallel when enabled,
 * and sums the blocks in block order, so results are bit-identical whatever the thread count.
 *
 * <p>Failures: no rows, a single class, or (unpenalized) a constant or collinear feature, or classes
 * that a combination of features separates perfectly (the maximum-likelihood estimate does not
 * exist: the coefficients diverge), throw {@link InsufficientDataException}; malformed arrays, labels
 * other than 0/1, non-finite features and negative weights throw {@link InputException}.
 */
public final class LogisticTrainer {

    private final double lambda;
    private final int maxIterations;
    private final double tolerance;
    private final boolean parallel;

    private LogisticTrainer(double lambda, int maxIterations, double tolerance, boolean parallel) {
        this.lambda = lambda;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.parallel = parallel;
    }

    /** Maximum likelihood without a penalty; standard errors are computed. */
    public static LogisticTrainer unpenalized() {
        return new LogisticTrainer(0, 100, 1e-8, true);
    }

    /**
     * An L2 penalty {@code (lambda / 2) ||w||^2} on the coefficients, not the intercept
     * (scikit-learn {@code C = 1 / lambda}); {@code lambda = 0} is {@link #unpenalized()}.
     */
    public static LogisticTrainer l2(double lambda) {
        Validate.nonNegative(lambda, "lambda");
        return new LogisticTrainer(lambda, 100, 1e-8, true);
    }

    /** The same settings with at most this many Newton steps (at least 1; default 100). */
    public LogisticTrainer withMaxIterations(int maxIterations) {
        Validate.isTrue(maxIterations >= 1, "maxIterations must be >= 1, got " + maxIterations);
        return new LogisticTrainer(lambda, maxIterations, tolerance, parallel);
    }

    /** The same settings with this relative step tolerance, in (0, 0.1] (default 1e-8). */
    public LogisticTrainer withTolerance(double tolerance) {
        Validate.inRange(tolerance, Double.MIN_NORMAL, 0.1, "tolerance");
        return new LogisticTrainer(lambda, maxIterations, tolerance, parallel);
    }

    /**
     * The same settings with the data passes run on the common fork-join pool ({@code true}, the
     * default) or on the calling thread only. The result is the same bit for bit.
     */
    public LogisticTrainer withParallel(boolean parallel) {
        return new LogisticTrainer(lambda, maxIterations, tolerance, parallel);
    }

    /** The L2 penalty weight (0 = unpenalized). */
    public double lambda() {
        return lambda;
    }

    /** Maximum number of Newton steps. */
    public int maxIterations() {
        return maxIterations;
    }

    /** Relative step tolerance of the convergence test. */
    public double tolerance() {
        return tolerance;
    }

    /** Whether data passes run in parallel. */
    public boolean parallel() {
        return parallel;
    }

    /**
     * Fits rows of features, one array per row, all of the same length.
     *
     * @throws InputException if rows differ in length or from the labels
     */
    public LogisticModel fit(double[][] rows, int[] labels) {
        if (rows == null) {
            throw new InputException("rows must not be null");
        }
        int p = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[Math.multiplyExact(rows.length, p)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != p) {
                throw new InputException("rows[" + i + "] must have " + p + " values like rows[0], got "
                        + (rows[i] == null ? "null" : Integer.toString(rows[i].length)));
            }
            System.arraycopy(rows[i], 0, flat, i * p, p);
        }
        return fit(flat, p, labels, null);
    }

    /** Fits a row-major matrix of {@code columns} features per row, without sample weights. */
    public LogisticModel fit(double[] rowMajor, int columns, int[] labels) {
        return fit(rowMajor, columns, labels, null);
    }

    /**
     * Fits a row-major matrix: row {@code i} is {@code rowMajor[i * columns .. (i + 1) * columns)}.
     * The arrays are read, never modified, and not kept.
     *
     * @param rowMajor the features, finite
     * @param columns  features per row, {@code >= 0} (0 fits the intercept only)
     * @param labels   0 or 1 per row
     * @param weights  a finite weight {@code >= 0} per row, or {@code null} for all 1; rows of weight 0
     *                 are ignored
     * @throws InputException            on malformed input (the message names the row and column)
     * @throws InsufficientDataException if the data cannot identify the model (see the class comment)
     */
    public LogisticModel fit(double[] rowMajor, int columns, int[] labels, double[] weights) {
        if (rowMajor == null || labels == null) {
            throw new InputException("rowMajor and labels must not be null");
        }
        Validate.isTrue(columns >= 0, "columns must be >= 0, got " + columns);
        int n = labels.length;
        if ((long) n * columns != rowMajor.length) {
            throw new InputException("rowMajor must hold labels.length * columns = " + n + " * " + columns
                    + " values, got " + rowMajor.length);
        }
        if (weights != null && weights.length != n) {
            throw new InputException("weights must have one value per row (" + n + "), got " + weights.length);
        }
        if (n == 0) {
            throw new InsufficientDataException("cannot fit a logistic regression: no rows");
        }
        NewtonSolver solver = new NewtonSolver(rowMajor, n, columns, labels, weights, lambda, parallel);
        return solver.solve(maxIterations, tolerance);
    }

    @Override
    public String toString() {
        return "LogisticTrainer[lambda=" + lambda + ", maxIterations=" + maxIterations + ", tolerance="
                + tolerance + ", parallel=" + parallel + "]";
    }
}
