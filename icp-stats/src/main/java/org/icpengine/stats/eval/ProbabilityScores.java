package org.icpengine.stats.eval;

/**
 * Proper scoring rules for predicted probabilities against binary outcomes: the Brier score and the
 * log-loss (lower is better for both).
 *
 * <p>Edges: null, empty or mismatched arrays, NaN and probabilities outside [0, 1] throw
 * {@link org.icpengine.errors.InputException}. A single class is fine (both rules are defined per
 * observation).
 */
public final class ProbabilityScores {

    /**
     * The clipping bound of {@link #logLoss}: probabilities are clipped to
     * {@code [LOG_LOSS_EPSILON, 1 − LOG_LOSS_EPSILON]}, so a confident wrong prediction costs at most
     * {@code −ln(1e-15) ≈ 34.5} instead of infinity (the bound scikit-learn used for years).
     */
    public static final double LOG_LOSS_EPSILON = 1e-15;

    private ProbabilityScores() {
    }

    /** The Brier score {@code mean((p − y)²)} in [0, 1] (Brier 1950), with y = 1 for positives. */
    public static double brier(double[] probabilities, boolean[] labels) {
        int n = Checks.scoresAndLabels(probabilities, labels, "probabilities");
        Checks.probabilities(probabilities, "probabilities");
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = probabilities[i] - (labels[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / n;
    }

    /**
     * The mean log-loss (cross-entropy) {@code −mean(y·ln p + (1−y)·ln(1−p))}, natural log, with p
     * clipped to [{@value #LOG_LOSS_EPSILON}, 1 − {@value #LOG_LOSS_EPSILON}]; always finite.
     */
    public static double logLoss(double[] probabilities, boolean[] labels) {
        int n = Checks.scoresAndLabels(probabilities, labels, "probabilities");
        Checks.probabilities(probabilities, "probabilities");
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.min(Math.max(probabilities[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
            sum -= labels[i] ? Math.log(p) : Math.log1p(-p);
        }
        return sum / n;
    }
}
