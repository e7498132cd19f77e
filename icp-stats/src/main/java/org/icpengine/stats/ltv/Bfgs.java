package org.icpengine.stats.ltv;

import java.util.function.ToDoubleFunction;

/**
 * A small dense BFGS minimiser with a strong-Wolfe line search (Nocedal &amp; Wright 2006, Algorithms
 * 6.1, 3.5 and 3.6), for the handful of log-parameters of the lifetime-value models.
 *
 * <p>The objective may return {@code +Infinity} or {@code NaN} outside its domain (and does beyond
 * {@code |x_j| > bound}); such points are treated as infinitely bad and the step is shortened.
 */
final class Bfgs {

    /** Value and gradient of the function to minimise; fills {@code gradient}, returns the value. */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** The point reached, its value and gradient norm, and whether the gradient test was met. */
    record Result(double[] x, double value, double gradientNorm, int iterations, boolean converged) {
    }

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    private final int maxIterations;
    private final double gradientTolerance;
    private final double bound;

    Bfgs(int maxIterations, double gradientTolerance, double bound) {
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.bound = bound;
    }

    /** An objective whose gradient is taken by central differences with step {@code h}. */
    static Objective numericGradient(ToDoubleFunction<double[]> f, double h) {
        return (x, g) -> {
            double fx = f.applyAsDouble(x);
            double[] y = x.clone();
            for (int j = 0; j < x.length; j++) {
                y[j] = x[j] + h;
                double up = f.applyAsDouble(y);
                y[j] = x[j] - h;
                double down = f.applyAsDouble(y);
                y[j] = x[j];
                g[j] = (up - down) / (2 * h);
            }
            return fx;
        };
    }

    Result minimize(Objective objective, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double f = safe(objective, x, g);
        if (!Double.isFinite(f)) {
            throw new IllegalStateException("objective is not finite at the starting point");
        }
        double[][] h = identity(n);
        boolean identityH = true;
        double[] p = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        double[] fOut = new double[1];
        int iter = 0;
        for (; iter < maxIterations; iter++) {
            double gNorm = normInf(g);
            if (gNorm <= gradientTolerance) {
                return new Result(x, f, gNorm, iter, true);
            }
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < n; j++) {
                    v -= h[i][j] * g[j];
                }
                p[i] = v;
            }
            double slope = dot(g, p);
            if (!(slope < 0)) {
                resetToSteepest(h, g, p);
                identityH = true;
                slope = dot(g, p);
            }
            double step = identityH ? Math.min(1.0, 1.0 / normInf(p)) : 1.0;
            double alpha = lineSearch(objective, x, f, p, slope, step, xNew, gNew, fOut);
            if (alpha <= 0) {
                if (!identityH) {
                    // the quasi-Newton model misled the search: restart from steepest descent
                    h = identity(n);
                    identityH = true;
                    continue;
                }
                return new Result(x, f, gNorm, iter, gNorm <= 1e3 * gradientTolerance);
            }
            double fNew = fOut[0];
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
                sy += s[i] * y[i];
            }
            double fOld = f;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fNew;
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                if (identityH) {
                    double scale = sy / dot(y, y);
                    for (int i = 0; i < n; i++) {
                        h[i][i] = scale;
                    }
                    identityH = false;
                }
                update(h, s, y, sy);
            }
            if (Math.abs(fOld - f) <= 1e-16 * Math.max(1.0, Math.abs(f)) && normInf(g) <= 1e3 * gradientTolerance) {
                return new Result(x, f, normInf(g), iter + 1, true);
            }
        }
        double gNorm = normInf(g);
        return new Result(x, f, gNorm, iter, gNorm <= gradientTolerance);
    }

    private double safe(Objective objective, double[] x, double[] g) {
        for (double v : x) {
            if (!(Math.abs(v) <= bound)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double f = objective.evaluate(x, g);
        if (Double.isNaN(f)) {
            return Double.POSITIVE_INFINITY;
        }
        for (double v : g) {
            if (!Double.isFinite(v)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return f;
    }

    /** Strong-Wolfe line search; returns the step taken (and fills xNew), or 0 if none was found. */
    private double lineSearch(Objective objective, double[] x, double f0, double[] p, double slope0,
            double step, double[] xNew, double[] gNew, double[] fOut) {
        double aPrev = 0;
        double fPrev = f0;
        double dPrev = slope0;
        double a = step;
        for (int i = 0; i < 40; i++) {
            double fa = trial(objective, x, p, a, xNew, gNew);
            if (!Double.isFinite(fa)) {
                a = aPrev + 0.25 * (a - aPrev);
                continue;
            }
            double da = dot(gNew, p);
            if (fa > f0 + C1 * a * slope0 || (i > 0 && fa >= fPrev)) {
                return zoom(objective, x, f0, slope0, p, aPrev, fPrev, dPrev, a, fa, da, xNew, gNew, fOut);
            }
            if (Math.abs(da) <= -C2 * slope0) {
                fOut[0] = fa;
                return a;
            }
            if (da >= 0) {
                return zoom(objective, x, f0, slope0, p, a, fa, da, aPrev, fPrev, dPrev, xNew, gNew, fOut);
            }
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a = Math.min(2 * a, a + 10.0 / Math.max(normInf(p), 1e-300));
        }
        return 0;
    }

    private double zoom(Objective objective, double[] x, double f0, double slope0, double[] p, double lo, double fLo,
            double dLo, double hi, double fHi, double dHi, double[] xNew, double[] gNew, double[] fOut) {
        for (int i = 0; i < 60; i++) {
            double a = cubicMin(lo, fLo, dLo, hi, fHi, dHi);
            double width = Math.abs(hi - lo);
            double min = Math.min(lo, hi);
            double max = Math.max(lo, hi);
            if (!(a > min + 0.1 * width && a < max - 0.1 * width)) {
                a = 0.5 * (lo + hi);
            }
            double fa = trial(objective, x, p, a, xNew, gNew);
            if (!Double.isFinite(fa)) {
                hi = a;
                fHi = Double.POSITIVE_INFINITY;
                dHi = Double.NaN;
                continue;
            }
            double da = dot(gNew, p);
            if (fa > f0 + C1 * a * slope0 || fa >= fLo) {
                hi = a;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= -C2 * slope0) {
                    fOut[0] = fa;
                    return a;
                }
                if (da * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = a;
                fLo = fa;
                dLo = da;
            }
            if (Math.abs(hi - lo) <= 1e-16 * Math.max(1.0, Math.abs(lo))) {
                break;
            }
        }
        // accept the best decreasing point found, if any
        if (lo > 0 && fLo < f0) {
            fOut[0] = trial(objective, x, p, lo, xNew, gNew);
            return lo;
        }
        return 0;
    }

    private double trial(Objective objective, double[] x, double[] p, double a, double[] xNew, double[] gNew) {
        for (int i = 0; i < x.length; i++) {
            xNew[i] = x[i] + a * p[i];
        }
        return safe(objective, xNew, gNew);
    }

    /** The minimiser of the cubic through two points with slopes (Nocedal &amp; Wright eq. 3.59). */
    private static double cubicMin(double a0, double f0, double d0, double a1, double f1, double d1) {
        if (!Double.isFinite(f1) || !Double.isFinite(d1) || !Double.isFinite(f0) || !Double.isFinite(d0)) {
            return Double.NaN;
        }
        double d1c = d0 + d1 - 3 * (f0 - f1) / (a0 - a1);
        double rad = d1c * d1c - d0 * d1;
        if (rad < 0) {
            return Double.NaN;
        }
        double d2 = Math.signum(a1 - a0) * Math.sqrt(rad);
        return a1 - (a1 - a0) * (d1 + d2 - d1c) / (d1 - d0 + 2 * d2);
    }

    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1.0 / sy;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i][j] * y[j];
            }
            hy[i] = v;
        }
        double yhy = dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    private static void resetToSteepest(double[][] h, double[] g, double[] p) {
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                h[i][j] = i == j ? 1 : 0;
            }
            p[i] = -g[i];
        }
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static double normInf(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
