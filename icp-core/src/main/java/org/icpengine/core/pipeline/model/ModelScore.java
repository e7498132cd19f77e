package org.icpengine.core.pipeline.model;

import java.util.List;

/**
 * One account's score by one model.
 *
 * @param model       the model's name
 * @param score       the total points
 * @param tier        the tier's name
 * @param probability the learned model's probability of label 1 (ideal, won, retained), from its logistic
 *                    regression on the bins' WoE; {@code NaN} for hand-written scorecards
 * @param gained      up to three criteria with the most points gained against the average account, largest first
 * @param lost        up to three criteria with the most points lost, most negative first
 * @param missing     criteria whose input was missing (scored in their missing bin, or, for hand-written
 *                    criteria, columns their conditions read that were null)
 */
public record ModelScore(String model, int score, String tier, double probability, List<Reason> gained,
                         List<Reason> lost, List<String> missing) {

    /** Copies the lists. */
    public ModelScore {
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
        missing = List.copyOf(missing);
    }
}
