package org.icpengine.stats.scorecard;

import org.icpengine.stats.internal.Validate;

/**
 * One tier of a {@link Scorecard} (for example A, the best): the accounts scoring at least
 * {@code minScore} and below the previous (better) tier's cut-off.
 *
 * @param name          the tier's name
 * @param targetShare   the share of the training population the tier was meant to hold, in (0, 1]
 * @param minScore      the lowest score in the tier; {@link Integer#MIN_VALUE} for the last tier,
 *                      which takes every score below the previous cut-off
 * @param trainingShare the share of the training population the tier actually holds, which differs
 *                      from the target when tied scores straddle a cut-off (ties go to the better tier)
 */
public record Tier(String name, double targetShare, int minScore, double trainingShare) {

    /** Validates the tier. */
    public Tier {
        Validate.isTrue(name != null && !name.isBlank(), "tier name must not be blank");
        Validate.isTrue(targetShare > 0 && targetShare <= 1, "share of tier '" + name + "' must be in (0, 1], got "
                + targetShare);
        Validate.inRange(trainingShare, 0, 1, "trainingShare of tier '" + name + "'");
    }
}
