package org.icpengine.stats.scorecard;

import org.icpengine.stats.internal.Validate;

/**
 * The points scale of a scorecard: {@code score = offset + factor * ln(odds)}, where the odds are
 * those of the good outcome, {@code factor = pdo / ln 2} and {@code offset = baseScore - factor *
 * ln(baseOdds)}, so that odds of {@code baseOdds} score {@code baseScore} and every {@code pdo} points
 * double the odds (Siddiqi 2006, <i>Credit Risk Scorecards</i>, Wiley, section "Scaling").
 *
 * @param pdo       points to double the odds, &gt; 0
 * @param baseScore the score at the base odds, finite
 * @param baseOdds  the good:bad odds that score {@code baseScore}, &gt; 0
 */
public record Scaling(double pdo, double baseScore, double baseOdds) {

    /** Validates the parameters. */
    public Scaling {
        Validate.positive(pdo, "pdo");
        Validate.isTrue(Double.isFinite(baseScore), "baseScore must be finite, got " + baseScore);
        Validate.positive(baseOdds, "baseOdds");
    }

    /** 600 points at odds 50:1, 20 points to double the odds: a common scale in practice. */
    public static Scaling standard() {
        return new Scaling(20, 600, 50);
    }

    /** pdo / ln 2: points per unit of log-odds. */
    public double factor() {
        return pdo / Math.log(2);
    }

    /** baseScore - factor * ln(baseOdds): the score at odds 1:1. */
    public double offset() {
        return baseScore - factor() * Math.log(baseOdds);
    }

    /** The (unrounded) score of the given log-odds of the good outcome. */
    public double score(double logOdds) {
        return offset() + factor() * logOdds;
    }

    /** The good:bad odds that a score stands for: exp((score - offset) / factor). */
    public double odds(double score) {
        return Math.exp((score - offset()) / factor());
    }
}
