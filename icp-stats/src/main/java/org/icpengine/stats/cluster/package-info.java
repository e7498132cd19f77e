/**
 * Clustering of mixed numeric and categorical rows by k-prototypes (Huang 1998), with the silhouette
 * and a silhouette-based choice of k; used to find personas among ideal customers.
 *
 * <p>Start with {@link org.icpengine.stats.cluster.ClusterData#builder()} and
 * {@link org.icpengine.stats.cluster.KPrototypes#builder()}; a fit returns an immutable
 * {@link org.icpengine.stats.cluster.KPrototypesModel} that assigns new rows and round trips through
 * JSON.
 */
package org.icpengine.stats.cluster;
