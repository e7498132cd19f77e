package org.icpengine.stats.cluster;

import org.icpengine.stats.internal.Validate;

/**
 * The fit of one candidate k in {@link KPrototypes#chooseK}.
 *
 * @param k the number of clusters
 * @param silhouette the mean silhouette in [-1, 1]
 * @param cost the k-prototypes cost of the fit
 */
public record KScore(int k, double silhouette, double cost) {

    public KScore {
        Validate.isTrue(k >= 2, "k must be >= 2, got " + k);
        Validate.inRange(silhouette, -1, 1, "silhouette");
        Validate.nonNegative(cost, "cost");
    }
}
