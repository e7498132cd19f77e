package org.icpengine.stats.regression;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;

/**
 * Newton's method for one logistic regression problem (see {@link LogisticTrainer}). Parameters are
 * laid out as {@code [intercept, w_1, ..., w_p]}. Not thread-safe; one instance per fit.
 */
final class NewtonSolver {

    /** Rows per block of a data pass; fixed, so the summation order never depends on threads. */
    static final int BLOCK = 4096;
    /** Largest |linear predictor| that still counts as a finite fit when the fit does not converge. */
    private static final double SATURATED_ETA = 30;
    /** Pivot threshold of the Cholesky factorization of the unit-diagonal (Jacobi-scaled) Hessian. */
    private static final double PIVOT = 1e-12;
    private static final double ARMIJO = 1e-4;
    /** Relative step below which the next iterate reuses the Hessian (a chord step, one cheap pass). */
    private static final double REUSE_BELOW = 1e-2;
    /** A chord step must shrink the relative step by this factor, or the Hessian is recomputed. */
    private static final double REUSE_CONTRACTION = 0.25;

    private static final int LOG_LIKELIHOOD = 0;
    private static final int GRADIENT = 1;
    private static final int HESSIAN = 2;

    private static final int LL = 0;
    private static final int WRONG = 1;
    private static final int MAX_ETA = 2;
    private static final int GRAD = 3;

    private final double[] x;
    private final int n;
    private final int p;
    private final int q;
    private final int[] y;
    private final double[] w;
    private final double lambda;
    private final boolean parallel;
    private final int hess;
    private final int blocks;
    private final double[][] partial;

    NewtonSolver(double[] x, int n, int p, int[] y, double[] w, double lambda, boolean parallel) {
        this.x = x;
        this.n = n;
        this.p = p;
        this.q = p + 1;
        this.y = y;
        this.w = w;
        this.lambda = lambda;
        this.parallel = parallel;
        this.hess = GRAD + q;
        this.blocks = (n + BLOCK - 1) / BLOCK;
        this.partial = new double[blocks][hess + q * q];
    }

    LogisticModel solve(int maxIterations, double tolerance) {
        double[] eventWeight = validate();
        double[] beta = new double[q];
        beta[0] = Math.log(eventWeight[0] / eventWeight[1]);
        double[] at = pass(beta, HESSIAN);
        double[] hessian = hessian(at);
        boolean fresh = true;
        double lastRelativeStep = Double.POSITIVE_INFINITY;
        int iterations = 0;
        boolean converged = false;
        while (true) {
            if (lambda == 0 && at[WRONG] == 0) {
                throw new InsufficientDataException("cannot fit an unpenalized logistic regression: the "
                        + "features separate the classes perfectly, so the coefficients diverge (no maximum-"
                        + "likelihood estimate exists); use an L2 penalty or drop the separating features");
            }
            double objective = objective(at, beta);
            double[] gradient = gradient(at, beta);
            double[] step = newtonStep(hessian, gradient, at, iterations);
            double relativeStep = relative(step, beta);
            if (!fresh && relativeStep > REUSE_CONTRACTION * lastRelativeStep) {
                // the reused Hessian no longer contracts the error fast enough: refresh it here
                at = pass(beta, HESSIAN);
                hessian = hessian(at);
                fresh = true;
                continue;
            }
            if (relativeStep <= tolerance) {
                converged = true;
                break;
            }
            if (iterations == maxIterations) {
                break;
            }
            // far from the optimum the trial point gets a new Hessian; close to it the current one is reused
            int trialMode = relativeStep > REUSE_BELOW ? HESSIAN : GRADIENT;
            double slope = dot(gradient, step);
            double t = 1;
            double[] trial = axpy(beta, t, step);
            double[] atTrial = pass(trial, trialMode);
            int mode = trialMode;
            // near the optimum the predicted decrease is below rounding noise: take the Newton step
            boolean withinNoise = -slope <= 1e-12 * Math.max(1, Math.abs(objective));
            while (!withinNoise && !(objective(atTrial, trial) <= objective + ARMIJO * t * slope)) {
                if (!fresh) {
                    break;
                }
                t /= 2;
                if (t < 1e-10) {
                    break;
                }
                trial = axpy(beta, t, step);
                atTrial = pass(trial, LOG_LIKELIHOOD);
                mode = LOG_LIKELIHOOD;
            }
            if (!fresh && mode == trialMode && !withinNoise
                    && !(objective(atTrial, trial) <= objective + ARMIJO * slope)) {
                // a step from a reused Hessian failed: retry from the true Hessian at beta
                at = pass(beta, HESSIAN);
                hessian = hessian(at);
                fresh = true;
                continue;
            }
            if (t < 1e-10) {
                break;
            }
            if (mode == LOG_LIKELIHOOD) {
                atTrial = pass(trial, trialMode);
            }
            beta = trial;
            at = atTrial;
            fresh = trialMode == HESSIAN;
            if (fresh) {
                hessian = hessian(at);
            }
            lastRelativeStep = relativeStep * t;
            iterations++;
        }
        if (!converged && lambda == 0 && at[MAX_ETA] > SATURATED_ETA) {
            throw diverged(beta, iterations);
        }
        double interceptSe = Double.NaN;
        double[] se = new double[p];
        Arrays.fill(se, Double.NaN);
        if (lambda == 0) {
            if (!fresh) {
                // standard errors need the Hessian at the estimate itself, not a reused one
                at = pass(beta, HESSIAN);
                hessian = hessian(at);
            }
            double[] variance = inverseDiagonal(hessian, at, iterations);
            interceptSe = Math.sqrt(variance[0]);
            for (int j = 0; j < p; j++) {
                se[j] = Math.sqrt(variance[j + 1]);
            }
        }
        return new LogisticModel(beta[0], Arrays.copyOfRange(beta, 1, q), interceptSe, se,
                Math.min(0, at[LL]), n, lambda, iterations, converged);
    }

    /**
     * Checks labels, weights and features; returns the total weight of events and of non-events.
     */
    private double[] validate() {
        double events = 0;
        double nonEvents = 0;
        double[] min = new double[p];
        double[] max = new double[p];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int label = y[i];
            if (label != 0 && label != 1) {
                throw new InputException("labels[" + i + "] must be 0 or 1, got " + label);
            }
            double s = 1;
            if (w != null) {
                s = w[i];
                if (!(s >= 0) || Double.isInfinite(s)) {
                    throw new InputException("weights[" + i + "] must be a finite number >= 0, got " + s);
                }
            }
            int o = i * p;
            for (int j = 0; j < p; j++) {
                double v = x[o + j];
                if (!Double.isFinite(v)) {
                    throw new InputException("feature value at row " + i + ", column " + j + " is " + v
                            + "; logistic regression needs finite values (impute or bin missing ones first)");
                }
                if (s > 0) {
                    min[j] = Math.min(min[j], v);
                    max[j] = Math.max(max[j], v);
                }
            }
            if (label == 1) {
                events += s;
            } else {
                nonEvents += s;
            }
        }
        if (!(events > 0) || !(nonEvents > 0)) {
            throw new InsufficientDataException("cannot fit a logistic regression: every "
                    + (events + nonEvents > 0 ? "row with a positive weight has label " + (events > 0 ? 1 : 0)
                    : "weight is 0") + "; both classes are needed");
        }
        if (lambda == 0) {
            for (int j = 0; j < p; j++) {
                if (min[j] == max[j]) {
                    throw new InsufficientDataException("cannot fit an unpenalized logistic regression: "
                            + "feature column " + j + " is constant (" + min[j] + "), so it is collinear with "
                            + "the intercept; drop it or use an L2 penalty");
                }
            }
        }
        return new double[] {events, nonEvents};
    }

    /**
     * One data pass at {@code beta}: log-likelihood, misfit count and max |eta|; with {@code mode}
     * {@link #GRADIENT} also the gradient, with {@link #HESSIAN} also the Hessian's upper triangle.
     */
    private double[] pass(double[] beta, int mode) {
        if (parallel && blocks > 1) {
            IntStream.range(0, blocks).parallel().forEach(b -> kernel(b, beta, mode));
        } else {
            for (int b = 0; b < blocks; b++) {
                kernel(b, beta, mode);
            }
        }
        int size = mode == HESSIAN ? partial[0].length : mode == GRADIENT ? GRAD + q : GRAD;
        double[] total = new double[partial[0].length];
        for (int b = 0; b < blocks; b++) {
            double[] acc = partial[b];
            total[MAX_ETA] = Math.max(total[MAX_ETA], acc[MAX_ETA]);
            total[LL] += acc[LL];
            total[WRONG] += acc[WRONG];
            for (int k = GRAD; k < size; k++) {
                total[k] += acc[k];
            }
        }
        return total;
    }

    private void kernel(int block, double[] beta, int mode) {
        final boolean derivatives = mode != LOG_LIKELIHOOD;
        final double[] acc = partial[block];
        Arrays.fill(acc, 0.0);
        final double[] xs = x;
        final int cols = p;
        final int from = block * BLOCK;
        final int to = Math.min(n, from + BLOCK);
        final double b0 = beta[0];
        final double[] b = Arrays.copyOfRange(beta, 1, q);
        double[] stats = new double[3];
        double[] eta4 = new double[4];
        double[] r4 = new double[4];
        double[] w4 = new double[4];
        int i = from;
        for (; i + 3 < to; i += 4) {
            // four independent dot products keep the FP units busy
            int o0 = i * cols;
            int o1 = o0 + cols;
            int o2 = o1 + cols;
            int o3 = o2 + cols;
            double e0 = b0;
            double e1 = b0;
            double e2 = b0;
            double e3 = b0;
            for (int j = 0; j < cols; j++) {
                double bj = b[j];
                e0 += bj * xs[o0 + j];
                e1 += bj * xs[o1 + j];
                e2 += bj * xs[o2 + j];
                e3 += bj * xs[o3 + j];
            }
            eta4[0] = e0;
            eta4[1] = e1;
            eta4[2] = e2;
            eta4[3] = e3;
            for (int k = 0; k < 4; k++) {
                row(i + k, eta4[k], derivatives, stats, r4, w4, k);
            }
            if (mode == HESSIAN) {
                update4(acc, o0, r4, w4);
            } else if (derivatives) {
                gradient4(acc, o0, r4);
            }
        }
        for (; i < to; i++) {
            int o = i * cols;
            double e = b0;
            for (int j = 0; j < cols; j++) {
                e += b[j] * xs[o + j];
            }
            row(i, e, derivatives, stats, r4, w4, 0);
            if (mode == HESSIAN) {
                update1(acc, o, r4[0], w4[0]);
            } else if (derivatives) {
                gradient1(acc, o, r4[0]);
            }
        }
        acc[LL] = stats[LL];
        acc[WRONG] = stats[WRONG];
        acc[MAX_ETA] = stats[MAX_ETA];
    }

    /**
     * The per-row terms at linear predictor {@code eta}: adds to the log-likelihood, misfit count and
     * max |eta| in {@code stats}; stores the gradient residual and Hessian weight at {@code k}.
     */
    private void row(int i, double eta, boolean derivatives, double[] stats, double[] r4, double[] w4, int k) {
        double s = w == null ? 1 : w[i];
        r4[k] = 0;
        w4[k] = 0;
        if (s == 0) {
            return;
        }
        double abs = Math.abs(eta);
        double e = Math.exp(-abs);
        // ln L_i = y * eta - softplus(eta), softplus(eta) = ln(1 + exp(eta)) computed stably
        double softplus = Math.max(eta, 0) + Math.log1p(e);
        int label = y[i];
        stats[LL] += s * (label * eta - softplus);
        if (label == 1 ? eta <= 0 : eta >= 0) {
            stats[WRONG] += 1;
        }
        if (abs > stats[MAX_ETA]) {
            stats[MAX_ETA] = abs;
        }
        if (derivatives) {
            double onePlus = 1 + e;
            double prob = eta >= 0 ? 1 / onePlus : e / onePlus;
            r4[k] = s * (label - prob);
            w4[k] = s * e / (onePlus * onePlus);
        }
    }

    /** Adds four consecutive rows to the gradient. */
    private void gradient4(double[] acc, int o0, double[] r4) {
        final double[] xs = x;
        final int cols = p;
        final int o1 = o0 + cols;
        final int o2 = o1 + cols;
        final int o3 = o2 + cols;
        double r0 = r4[0];
        double r1 = r4[1];
        double r2 = r4[2];
        double r3 = r4[3];
        acc[GRAD] += r0 + r1 + r2 + r3;
        for (int j = 0; j < cols; j++) {
            acc[GRAD + 1 + j] += r0 * xs[o0 + j] + r1 * xs[o1 + j] + r2 * xs[o2 + j] + r3 * xs[o3 + j];
        }
    }

    /** Adds one row to the gradient. */
    private void gradient1(double[] acc, int o, double r) {
        acc[GRAD] += r;
        for (int j = 0; j < p; j++) {
            acc[GRAD + 1 + j] += r * x[o + j];
        }
    }

    /** Adds four consecutive rows to the gradient and the upper triangle of the Hessian. */
    private void update4(double[] acc, int o0, double[] r4, double[] w4) {
        final double[] xs = x;
        final int cols = p;
        final int h0 = hess;
        final int stride = q;
        final int o1 = o0 + cols;
        final int o2 = o1 + cols;
        final int o3 = o2 + cols;
        double r0 = r4[0];
        double r1 = r4[1];
        double r2 = r4[2];
        double r3 = r4[3];
        double w0 = w4[0];
        double w1 = w4[1];
        double w2 = w4[2];
        double w3 = w4[3];
        acc[GRAD] += r0 + r1 + r2 + r3;
        acc[h0] += w0 + w1 + w2 + w3;
        for (int j = 0; j < cols; j++) {
            double x0 = xs[o0 + j];
            double x1 = xs[o1 + j];
            double x2 = xs[o2 + j];
            double x3 = xs[o3 + j];
            acc[GRAD + 1 + j] += r0 * x0 + r1 * x1 + r2 * x2 + r3 * x3;
            double a0 = w0 * x0;
            double a1 = w1 * x1;
            double a2 = w2 * x2;
            double a3 = w3 * x3;
            acc[h0 + 1 + j] += a0 + a1 + a2 + a3;
            int h = h0 + (1 + j) * stride + 1;
            for (int k = j; k < cols; k++) {
                acc[h + k] += a0 * xs[o0 + k] + a1 * xs[o1 + k] + a2 * xs[o2 + k] + a3 * xs[o3 + k];
            }
        }
    }

    /** Adds one row to the gradient and the upper triangle of the Hessian. */
    private void update1(double[] acc, int o, double r, double wt) {
        acc[GRAD] += r;
        acc[hess] += wt;
        for (int j = 0; j < p; j++) {
            double xj = x[o + j];
            acc[GRAD + 1 + j] += r * xj;
            double a = wt * xj;
            acc[hess + 1 + j] += a;
            int h = hess + (1 + j) * q + 1;
            for (int k = j; k < p; k++) {
                acc[h + k] += a * x[o + k];
            }
        }
    }

    private double objective(double[] at, double[] beta) {
        double penalty = 0;
        for (int j = 1; j < q; j++) {
            penalty += beta[j] * beta[j];
        }
        return -at[LL] + 0.5 * lambda * penalty;
    }

    /** Gradient of the objective (negative log-likelihood plus penalty). */
    private double[] gradient(double[] at, double[] beta) {
        double[] g = new double[q];
        for (int j = 0; j < q; j++) {
            g[j] = -at[GRAD + j] + (j == 0 ? 0 : lambda * beta[j]);
        }
        return g;
    }

    /** Full symmetric Hessian of the objective from the accumulated upper triangle. */
    private double[] hessian(double[] at) {
        double[] h = new double[q * q];
        for (int a = 0; a < q; a++) {
            for (int b = a; b < q; b++) {
                double v = at[hess + a * q + b];
                h[a * q + b] = v;
                h[b * q + a] = v;
            }
            if (a > 0) {
                h[a * q + a] += lambda;
            }
        }
        return h;
    }

    private double[] newtonStep(double[] h, double[] gradient, double[] at, int iterations) {
        double[] scale = new double[q];
        DecompositionSolver solver = scaledCholesky(h, scale, at, iterations);
        double[] rhs = new double[q];
        for (int a = 0; a < q; a++) {
            rhs[a] = -gradient[a] * scale[a];
        }
        RealVector z = solver.solve(new ArrayRealVector(rhs, false));
        double[] d = new double[q];
        for (int a = 0; a < q; a++) {
            d[a] = z.getEntry(a) * scale[a];
        }
        return d;
    }

    private double[] inverseDiagonal(double[] h, double[] at, int iterations) {
        double[] scale = new double[q];
        RealMatrix inverse = scaledCholesky(h, scale, at, iterations).getInverse();
        double[] diag = new double[q];
        for (int a = 0; a < q; a++) {
            diag[a] = inverse.getEntry(a, a) * scale[a] * scale[a];
        }
        return diag;
    }

    /** Cholesky of D^-1/2 H D^-1/2 (unit diagonal), so the pivot test is relative; fills {@code scale} = D^-1/2. */
    private DecompositionSolver scaledCholesky(double[] h, double[] scale, double[] at, int iterations) {
        for (int a = 0; a < q; a++) {
            double d = h[a * q + a];
            if (!(d > 0) || Double.isInfinite(d)) {
                throw singular(at, iterations);
            }
            scale[a] = 1 / Math.sqrt(d);
        }
        double[][] m = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                m[a][b] = h[a * q + b] * scale[a] * scale[b];
            }
        }
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(m, false),
                    CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, PIVOT).getSolver();
        } catch (MathIllegalArgumentException e) {
            throw singular(at, iterations);
        }
    }

    private InsufficientDataException singular(double[] at, int iterations) {
        if (lambda == 0 && iterations > 0 && at[MAX_ETA] > SATURATED_ETA) {
            return diverged(null, iterations);
        }
        return new InsufficientDataException("cannot fit a logistic regression: the Hessian is singular, "
                + "because some features are collinear (one is a linear combination of others and the "
                + "intercept); drop the redundant features or use an L2 penalty");
    }

    private InsufficientDataException diverged(double[] beta, int iterations) {
        String largest = "";
        if (beta != null && p > 0) {
            int arg = 1;
            for (int j = 2; j < q; j++) {
                if (Math.abs(beta[j]) > Math.abs(beta[arg])) {
                    arg = j;
                }
            }
            largest = " (largest: column " + (arg - 1) + ", coefficient " + beta[arg] + ")";
        }
        return new InsufficientDataException("cannot fit an unpenalized logistic regression: it did not "
                + "converge in " + iterations + " Newton steps and its coefficients diverge" + largest
                + ", with fitted probabilities of exactly 0 or 1; the classes are (quasi-)perfectly separated "
                + "by some features, so no maximum-likelihood estimate exists; use an L2 penalty or drop them");
    }

    /** max_j |step_j| / max(1, |beta_j|). */
    private static double relative(double[] step, double[] beta) {
        double r = 0;
        for (int a = 0; a < step.length; a++) {
            double v = Math.abs(step[a]) / Math.max(1, Math.abs(beta[a]));
            if (!(v <= r)) {
                r = v;
            }
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] axpy(double[] base, double t, double[] d) {
        double[] out = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            out[i] = base[i] + t * d[i];
        }
        return out;
    }
}
