package org.icpengine.stats.eval;

import org.icpengine.stats.internal.Validate;

/**
 * One row of a lift and cumulative-gains table: a quantile group of the population ranked by score,
 * best first. Counts are fractional when tied scores straddle a group edge (see {@link Gains}).
 *
 * @param group the group number, 1 = highest scores
 * @param count rows in the group (N / groups)
 * @param positives positives in the group
 * @param rate positives / count
 * @param lift rate / overall positive rate
 * @param cumulativeCount rows in groups 1..group
 * @param cumulativePositives positives in groups 1..group
 * @param cumulativeGain share of all positives captured by groups 1..group, in [0, 1]
 * @param cumulativeLift (cumulativePositives / cumulativeCount) / overall positive rate
 * @param minScore the lowest score with any weight in the group
 * @param maxScore the highest score with any weight in the group
 */
public record GainsRow(int group, double count, double positives, double rate, double lift,
        double cumulativeCount, double cumulativePositives, double cumulativeGain, double cumulativeLift,
        double minScore, double maxScore) {

    public GainsRow {
        Validate.isTrue(group >= 1, "group must be >= 1, got " + group);
        Validate.positive(count, "count");
        Validate.nonNegative(positives, "positives");
        Validate.isTrue(minScore <= maxScore, "minScore " + minScore + " exceeds maxScore " + maxScore);
    }
}
