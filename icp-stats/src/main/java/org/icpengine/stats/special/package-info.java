/**
 * Special functions for the statistical models, computed robustly in double precision: log-space
 * arithmetic ({@link org.icpengine.stats.special.LogSpace}), signed log-gamma
 * ({@link org.icpengine.stats.special.GammaFunctions}) and the Gauss hypergeometric function
 * {@code 2F1} ({@link org.icpengine.stats.special.Hypergeometric}), which the lifetime-value models
 * need. Start with {@link org.icpengine.stats.special.Hypergeometric#hyp2f1}.
 *
 * <p>All methods are static, allocation-light and thread-safe. They follow the IEEE convention of
 * returning {@code NaN} for a {@code NaN} argument or where the function is undefined, and say so in
 * their javadoc.
 */
package org.icpengine.stats.special;
