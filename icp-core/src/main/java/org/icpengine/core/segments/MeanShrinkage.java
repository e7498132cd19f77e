package org.icpengine.core.segments;

/**
 * Normal-normal empirical-Bayes shrinkage of group means (Morris 1983, "Parametric Empirical Bayes
 * Inference: Theory and Applications", JASA 78:47), with the between-group variance estimated by the
 * method of moments of DerSimonian &amp; Laird (1986, Controlled Clinical Trials 7:177).
 *
 * <p>Group g has n_g observations with mean m_g. The within-group variance σ² is pooled over the groups,
 * {@code σ² = Σ (n_g − 1) s_g² / Σ (n_g − 1)}, so that a group of one or two values does not get a
 * sampling variance of its own; group g's sampling variance is {@code v_g = σ² / n_g}. With weights
 * {@code w_g = 1 / v_g}, the weighted mean {@code m̄ = Σ w m / Σ w} and {@code Q = Σ w (m − m̄)²}, the
 * between-group variance is {@code τ² = max(0, (Q − (k − 1)) / (Σ w − Σ w² / Σ w))} over the k groups with
 * data, and group g's shrunk mean is {@code μ + τ² / (τ² + v_g) · (m_g − μ)}, where μ is the given prior
 * mean (the population's value). When τ² = 0 (the groups differ no more than sampling noise explains) every
 * group is shrunk all the way to μ, as a beta-binomial prior at its boundary does.
 *
 * <p>Edges: groups with no observations (n = 0 or a NaN mean) keep NaN. When fewer than two groups have
 * data, no group has two or more values, or σ² is 0 or not finite, there is nothing to estimate the
 * variances from and {@link #shrink} returns {@code null}: callers then use the raw means.
 */
final class MeanShrinkage {

    private MeanShrinkage() {
    }

    /**
     * The shrunk means, or {@code null} when shrinkage is not possible (see the class comment).
     *
     * @param means     group means (NaN for none)
     * @param counts    observations per group
     * @param sds       per-observation standard deviations per group (NaN when fewer than two values)
     * @param priorMean the value to shrink towards; when NaN, the weighted mean m̄
     */
    static double[] shrink(double[] means, long[] counts, double[] sds, double priorMean) {
        int k = 0;
        double ss = 0;
        double df = 0;
        for (int g = 0; g < means.length; g++) {
            if (counts[g] > 0 && Double.isFinite(means[g])) {
                k++;
                if (counts[g] >= 2 && Double.isFinite(sds[g])) {
                    ss += (counts[g] - 1) * sds[g] * sds[g];
                    df += counts[g] - 1;
                }
            }
        }
        if (k < 2 || df == 0) {
            return null;
        }
        double sigma2 = ss / df;
        if (!(sigma2 > 0) || !Double.isFinite(sigma2)) {
            return null;
        }
        double sw = 0;
        double sw2 = 0;
        double swm = 0;
        for (int g = 0; g < means.length; g++) {
            if (counts[g] > 0 && Double.isFinite(means[g])) {
                double w = counts[g] / sigma2;
                sw += w;
                sw2 += w * w;
                swm += w * means[g];
            }
        }
        double mbar = swm / sw;
        double q = 0;
        for (int g = 0; g < means.length; g++) {
            if (counts[g] > 0 && Double.isFinite(means[g])) {
                double d = means[g] - mbar;
                q += counts[g] / sigma2 * d * d;
            }
        }
        double tau2 = Math.max(0, (q - (k - 1)) / (sw - sw2 / sw));
        double mu = Double.isNaN(priorMean) ? mbar : priorMean;
        double[] out = new double[means.length];
        for (int g = 0; g < means.length; g++) {
            if (counts[g] > 0 && Double.isFinite(means[g])) {
                double v = sigma2 / counts[g];
                out[g] = mu + tau2 / (tau2 + v) * (means[g] - mu);
            } else {
                out[g] = Double.NaN;
            }
        }
        return out;
    }
}
