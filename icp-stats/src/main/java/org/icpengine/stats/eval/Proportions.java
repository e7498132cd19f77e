package org.icpengine.stats.eval;

import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * Confidence intervals for a binomial proportion.
 */
public final class Proportions {

    private Proportions() {
    }

    /**
     * The Wilson score interval (Wilson 1927, JASA 22:209; recommended by Brown, Cai &amp; DasGupta
     * 2001) for k successes in n trials:
     * {@code (p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)}, with z the two-sided normal
     * quantile of {@code level}. The estimate is p̂ = k/n. Unlike the Wald interval it stays inside
     * [0, 1] and is not degenerate at k = 0 or k = n (the lower, respectively upper, bound is then
     * exactly 0, respectively 1).
     *
     * @throws org.icpengine.errors.InputException if k &lt; 0, k &gt; n or level is not in (0, 1)
     * @throws InsufficientDataException if n = 0
     */
    public static Interval wilson(long successes, long trials, double level) {
        Checks.level(level);
        Validate.isTrue(trials >= 0, "trials must be >= 0, got " + trials);
        Validate.isTrue(successes >= 0 && successes <= trials,
                "successes must be in [0, trials = " + trials + "], got " + successes);
        if (trials == 0) {
            throw new InsufficientDataException("a proportion needs at least one trial; got 0");
        }
        double n = trials;
        double p = successes / n;
        double z = Checks.twoSidedZ(level);
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double lower = successes == 0 ? 0 : Math.max(0, center - half);
        double upper = successes == trials ? 1 : Math.min(1, center + half);
        return new Interval(p, lower, upper, level);
    }
}
