package org.icpengine.stats.ltv;

import org.hipparchus.special.Gamma;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;
import org.icpengine.stats.special.GammaFunctions;

/**
 * Fits the BG/NBD repeat-purchase model ({@link BgNbdModel}) by maximum likelihood on customer
 * summaries {@code (x, t_x, T)} (Fader, Hardie &amp; Lee 2005, Marketing Science 24(2), eq. (6)).
 *
 * <p>The log-likelihood is maximised over {@code ln r, ln alpha, ln a, ln b} by BFGS with its analytic
 * gradient; customers with the same summary are merged first, and the gamma and digamma terms are
 * computed once per distinct {@code x}. Rescaling time by {@code k} rescales {@code alpha} by
 * {@code k} and leaves {@code r, a, b} unchanged.
 *
 * <p>Raises {@link InsufficientDataException} on empty input, when nobody made a repeat purchase
 * (every {@code x = 0}), or when the maximum lies on the edge of the parameter space (a parameter
 * diverging to 0 or infinity), and {@link InputException} on an invalid summary. A trainer is
 * immutable and thread-safe.
 */
public final class BgNbdTrainer {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final int maxIterations;

    /** A trainer with the default settings (at most 500 optimizer iterations). */
    public BgNbdTrainer() {
        this(Fits.DEFAULT_MAX_ITERATIONS);
    }

    private BgNbdTrainer(int maxIterations) {
        Validate.isTrue(maxIterations >= 1, "maxIterations must be >= 1, got " + maxIterations);
        this.maxIterations = maxIterations;
    }

    /** A copy of this trainer with another cap on optimizer iterations ({@code >= 1}). */
    public BgNbdTrainer withMaxIterations(int maxIterations) {
        return new BgNbdTrainer(maxIterations);
    }

    /** The cap on optimizer iterations. */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Fits the model.
     *
     * @param x repeat purchases of each customer, {@code >= 0}
     * @param tx time of each customer's last purchase, in {@code [0, T]}, and 0 when {@code x = 0}
     * @param t length of each customer's observation {@code T} (time since the first purchase),
     *     finite and {@code > 0}
     * @throws InputException on null or different-length arrays or an invalid summary (the message
     *     names the customer's index)
     * @throws InsufficientDataException if the data cannot identify the model
     */
    public BgNbdModel fit(int[] x, double[] tx, double[] t) {
        RfmData data = RfmData.of(x, tx, t, "BG/NBD");
        Likelihood likelihood = new Likelihood(data);
        double alpha0 = Math.max(data.meanT, 1e-6) / Math.max(data.meanX, 0.01);
        double[] start = {0, Math.log(alpha0), 0, 0};
        Bfgs.Result result = new Bfgs(maxIterations, 1e-10, Fits.BOUND).minimize(likelihood, start);
        Fits.requireInterior(result, "BG/NBD", NAMES);
        Fits.requireConverged(result, "BG/NBD", maxIterations);
        double[] p = result.x();
        double ll = -likelihood.evaluate(p, new double[4]) * data.customers;
        return new BgNbdModel(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), ll, data.customers);
    }

    /** Minus the mean log-likelihood per customer, and its gradient in the log-parameters. */
    static final class Likelihood implements Bfgs.Objective {
        private final RfmData data;
        private final double[] lgX;
        private final double[] drX;
        private final double[] daX;
        private final double[] dbX;
        private final double[] lnRatioX;
        private final double[] dRatioX;

        Likelihood(RfmData data) {
            this.data = data;
            int k = data.distinctX.length;
            lgX = new double[k];
            drX = new double[k];
            daX = new double[k];
            dbX = new double[k];
            lnRatioX = new double[k];
            dRatioX = new double[k];
        }

        @Override
        public double evaluate(double[] phi, double[] grad) {
            double r = Math.exp(phi[0]);
            double alpha = Math.exp(phi[1]);
            double a = Math.exp(phi[2]);
            double b = Math.exp(phi[3]);
            double lgR = Gamma.logGamma(r);
            double lgB = Gamma.logGamma(b);
            double lgAb = Gamma.logGamma(a + b);
            double psiR = GammaFunctions.digamma(r);
            double psiB = GammaFunctions.digamma(b);
            double psiAb = GammaFunctions.digamma(a + b);
            double lnA = Math.log(a);
            int[] dx = data.distinctX;
            for (int u = 0; u < dx.length; u++) {
                int x = dx[u];
                if (x == 0) {
                    lgX[u] = 0;
                    drX[u] = 0;
                    daX[u] = 0;
                    dbX[u] = 0;
                    continue;
                }
                // ln[Γ(r+x)/Γ(r)] + ln[B(a, b+x)/B(a, b)] and their derivatives
                double psiAbx = GammaFunctions.digamma(a + b + x);
                lgX[u] = Gamma.logGamma(r + x) - lgR + Gamma.logGamma(b + x) - lgB - Gamma.logGamma(a + b + x) + lgAb;
                drX[u] = GammaFunctions.digamma(r + x) - psiR;
                daX[u] = psiAb - psiAbx;
                dbX[u] = psiAb + GammaFunctions.digamma(b + x) - psiB - psiAbx;
                lnRatioX[u] = lnA - Math.log(b + x - 1);
                dRatioX[u] = -1.0 / (b + x - 1);
            }
            double lnAlpha = Math.log(alpha);
            double ll = 0;
            double gr = 0;
            double gAlpha = 0;
            double ga = 0;
            double gb = 0;
            int[] xs = data.x;
            double[] txs = data.tx;
            double[] ts = data.t;
            double[] w = data.weight;
            for (int g = 0; g < xs.length; g++) {
                int u = data.xIndex[g];
                int x = xs[g];
                double rx = r + x;
                double l1 = Math.log(alpha + ts[g]);
                double b1 = -rx * l1;
                double li = lgX[u] + r * lnAlpha + b1;
                double dr = drX[u] + lnAlpha - l1;
                double dAlpha = r / alpha - rx / (alpha + ts[g]);
                double da = daX[u];
                double db = dbX[u];
                if (x > 0) {
                    // the x > 0 term of eq. (6), as a weight w2 on the second summand
                    double l2 = Math.log(alpha + txs[g]);
                    double d = lnRatioX[u] - rx * l2 - b1;
                    double e = Math.exp(-Math.abs(d));
                    double w2;
                    if (d > 0) {
                        li += d + Math.log1p(e);
                        w2 = 1.0 / (1.0 + e);
                    } else {
                        li += Math.log1p(e);
                        w2 = e / (1.0 + e);
                    }
                    dr += w2 * (l1 - l2);
                    dAlpha += w2 * (rx / (alpha + ts[g]) - rx / (alpha + txs[g]));
                    da += w2 / a;
                    db += w2 * dRatioX[u];
                }
                double wg = w[g];
                ll += wg * li;
                gr += wg * dr;
                gAlpha += wg * dAlpha;
                ga += wg * da;
                gb += wg * db;
            }
            double n = data.customers;
            grad[0] = -r * gr / n;
            grad[1] = -alpha * gAlpha / n;
            grad[2] = -a * ga / n;
            grad[3] = -b * gb / n;
            return -ll / n;
        }
    }
}
