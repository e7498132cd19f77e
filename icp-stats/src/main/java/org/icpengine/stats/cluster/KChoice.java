package org.icpengine.stats.cluster;

import java.util.List;
import org.icpengine.stats.internal.Validate;

/**
 * The outcome of {@link KPrototypes#chooseK}: the chosen k, the score of every k tried, and the model
 * fitted with the chosen k.
 *
 * @param k the k with the highest mean silhouette (ties: the smaller)
 * @param scores one per k tried, in increasing k
 * @param model the model for k
 */
public record KChoice(int k, List<KScore> scores, KPrototypesModel model) {

    public KChoice {
        Validate.isTrue(scores != null && !scores.isEmpty(), "scores must not be empty");
        scores = List.copyOf(scores);
        Validate.isTrue(model != null && model.k() == k, "model must have k = " + k + " clusters");
    }
}
