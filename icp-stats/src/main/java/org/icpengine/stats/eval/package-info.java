/**
 * Evaluation statistics for scores and rates: discrimination ({@link org.icpengine.stats.eval.Auc},
 * {@link org.icpengine.stats.eval.Ks}), probability losses, gains and calibration tables, drift
 * ({@link org.icpengine.stats.eval.Psi}), and intervals and shrinkage for segment rates and means
 * ({@link org.icpengine.stats.eval.Proportions}, {@link org.icpengine.stats.eval.BetaBinomial},
 * {@link org.icpengine.stats.eval.Means}, {@link org.icpengine.stats.eval.Bootstrap}).
 *
 * <p>Every entry point is a static method that takes primitive arrays and returns an immutable result;
 * labels are {@code boolean[]} with {@code true} meaning the positive class (event). Start with
 * {@link org.icpengine.stats.eval.Auc}.
 */
package org.icpengine.stats.eval;
